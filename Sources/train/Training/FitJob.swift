import AccidentML
import Foundation

/// Runs a `FitPlan`: load, split (or folds), encode, train, evaluate, write the run folder.
struct FitJob {
    /// What to do.
    let plan: FitPlan
    /// Where notes and progress go.
    let log: Log

    /// Trains, writes the run folder and returns what the summary shows.
    func run() throws -> FitOutcome {
        let console = log.console
        var times = PhaseTimes()
        let total = Stopwatch()
        try plan.source.checkInputsExist(in: console)
        let folder = RunFolder(url: plan.runFolder)
        try RunFolder.checkCreatable(folder.modelURL)
        let data = try times.measure("load") { try DataLoader.loadLabeled(plan.source, unit: plan.unit, log: log) }
        try Self.checkClasses(data, source: plan.source.summary(in: console))
        log.note("training \(plan.trainer.kind) on \(Format.count(data.count)) \(plan.unit) rows "
                 + "(\(plan.source.summary(in: console))), \(plan.validation)")
        let fit: FoldedFit
        switch plan.validation {
        case .holdOut(let fraction): fit = try holdOut(data, fraction: fraction, times: &times)
        case .folds(let k): fit = try crossValidate(data, folds: k, times: &times)
        }
        var metadata = metadata(for: fit, data: data)
        var report = times.measure("evaluate") {
            RunReport.make(metadata: metadata, seed: plan.seed, durations: [:], features: fit.split.readableTrainFeatures,
                           train: fit.train, validation: fit.validation, learningCurves: fit.model.learningCurves,
                           classifier: fit.model.classifier)
        }
        metadata.metrics = RunReport.flatMetrics(report, folds: fit.folds)
        var model = AccidentModel(metadata: metadata, input: fit.split.input, classifier: fit.model.classifier)
        try times.measure("write") {
            try folder.create()
            try folder.write(model: &model)
        }
        report.run.durations = times.dictionary
        try times.measure("write") { try folder.write(report: report) }
        return FitOutcome(model: model, report: report, folds: fit.folds, validationName: fit.validationName,
                          times: times, totalSeconds: total.seconds, files: folder.files)
    }

    /// Runs `plan` and prints the summary table: the body of `train fit` and `train default`.
    static func runAndSummarize(_ plan: FitPlan, verbosity: Verbosity, console: Console) throws {
        let outcome = try FitJob(plan: plan, log: Log(console: console, verbosity: verbosity)).run()
        if verbosity >= .normal { console.out.write(Summary.fit(outcome, console: console)) }
    }

    /// A model needs rows of at least two classes to learn from.
    static func checkClasses(_ data: LabeledRows, source: String) throws {
        let present = Set(data.labels)
        guard present.count >= 2 else {
            let only = present.first.map { data.classLabels[Int($0)] } ?? "none"
            throw CLIError.data("\(source): every row has the same class (\(only)); a classifier needs at least two. "
                                + "Fix: give more data, or check the labels.")
        }
    }

    /// Trains on a stratified share of the rows and validates on the rest.
    private func holdOut(_ data: LabeledRows, fraction: Double, times: inout PhaseTimes) throws -> FoldedFit {
        let (trainRows, validRows) = StratifiedSampling.split(labels: data.labels, classCount: data.classLabels.count,
                                                              testFraction: fraction, seed: plan.seed)
        guard !trainRows.isEmpty, !validRows.isEmpty else {
            throw CLIError.data("\(Format.count(data.count)) rows are too few for a \(plan.validation). "
                                + "Fix: give more data or another --validation-fraction.")
        }
        let split = times.measure("encode") {
            data.encode(train: trainRows, heldOut: validRows, for: plan.trainer.family, threads: plan.threads, log: log)
        }
        let bar = ProgressBar(console: log.console, verbosity: log.verbosity, label: plan.trainer.kind,
                              total: plan.trainer.progressSteps)
        let model = try times.measure("train") { try plan.trainer.train(split.train, validation: split.heldOut, progress: bar) }
        let departements = data.departements
        return times.measure("evaluate") {
            let c = model.classifier.classifier
            return FoldedFit(split: split, trainer: plan.trainer, model: model,
                             train: .init(probabilities: c.predictProbabilities(split.train.features, threads: plan.threads),
                                          labels: split.train.labels),
                             validation: .init(probabilities: c.predictProbabilities(split.heldOut.features, threads: plan.threads),
                                               labels: split.heldOut.labels,
                                               departements: departements.isEmpty ? [] : validRows.map { departements[$0] }),
                             validationName: "validation",
                             rowCounts: ["train": trainRows.count, "validation": validRows.count], folds: FoldMetrics())
        }
    }

    /// Scores every fold with a model trained on the others, then trains the final model on all rows.
    private func crossValidate(_ data: LabeledRows, folds k: Int, times: inout PhaseTimes) throws -> FoldedFit {
        guard k <= data.count else {
            throw CLIError.data("\(Format.count(data.count)) rows are too few for \(k) folds. Fix: use fewer --folds.")
        }
        let classCount = data.classLabels.count
        let folds = StratifiedSampling.folds(labels: data.labels, classCount: classCount, count: k, seed: plan.seed)
        var outOfFold = [Float](repeating: 0, count: data.count * classCount)
        var foldMetrics = FoldMetrics()
        var foldModels: [TrainedModel] = []
        for (i, fold) in folds.enumerated() {
            var inFold = [Bool](repeating: false, count: data.count)
            for r in fold { inFold[r] = true }
            let split = times.measure("encode") {
                data.encode(train: data.labels.indices.filter { !inFold[$0] }, heldOut: fold,
                            for: plan.trainer.family, threads: plan.threads, log: log)
            }
            let bar = ProgressBar(console: log.console, verbosity: log.verbosity, label: "fold \(i + 1)/\(k)",
                                  total: plan.trainer.progressSteps, summaryVerbosity: .verbose)
            let model = try times.measure("train") { try plan.trainer.train(split.train, validation: split.heldOut, progress: bar) }
            let p = times.measure("evaluate") { model.classifier.classifier.predictProbabilities(split.heldOut.features, threads: plan.threads) }
            for (j, r) in fold.enumerated() {
                for c in 0..<classCount { outOfFold[r * classCount + c] = p[j * classCount + c] }
            }
            let values = MetricSuite.evaluate(probabilities: p, labels: split.heldOut.labels, classCount: classCount)
            foldMetrics.folds.append(values)
            foldModels.append(model)
            log.note("fold \(i + 1)/\(k): " + values.map { "\($0.name) \(Format.metric($0.value))" }.joined(separator: ", "))
        }
        let split = times.measure("encode") {
            data.encode(train: Array(0..<data.count), heldOut: [], for: plan.trainer.family, threads: plan.threads, log: log)
        }
        let finalTrainer = plan.trainer.final(afterFolds: foldModels)
        let bar = ProgressBar(console: log.console, verbosity: log.verbosity, label: "final \(plan.trainer.kind)",
                              total: finalTrainer.progressSteps)
        let model = try times.measure("train") { try finalTrainer.train(split.train, validation: nil, progress: bar) }
        return times.measure("evaluate") {
            FoldedFit(split: split, trainer: finalTrainer, model: model,
                      train: .init(probabilities: model.classifier.classifier.predictProbabilities(split.train.features,
                                                                                                   threads: plan.threads),
                                   labels: split.train.labels),
                      validation: .init(probabilities: outOfFold, labels: data.labels, departements: data.departements),
                      validationName: "out-of-fold", rowCounts: ["train": data.count, "out-of-fold": data.count],
                      folds: foldMetrics)
        }
    }

    /// The model file's metadata (its metrics are added from the report).
    private func metadata(for fit: FoldedFit, data: LabeledRows) -> ModelMetadata {
        var hyperparameters = fit.trainer.hyperparameters.merging(fit.model.details) { $1 }
        hyperparameters["seed"] = "\(plan.seed)"
        hyperparameters["validation"] = "\(plan.validation)"
        hyperparameters["metric"] = plan.metric.rawValue
        return ModelMetadata(kind: plan.trainer.kind, unit: plan.unit.rawValue, classLabels: data.classLabels,
                             featureNames: fit.split.input.columnNames(for: plan.trainer.family),
                             hyperparameters: hyperparameters, rowCounts: fit.rowCounts,
                             dataFingerprint: fit.split.train.fingerprint, dataSource: plan.source.summary(in: log.console))
    }
}

/// The final model of a fit, the split it was trained on, and its scored rows.
struct FoldedFit {
    /// The final model's encoded training rows (and held-out rows for a hold-out).
    let split: EncodedSplit
    /// The trainer of the final model (after folds: trees get the folds' mean kept rounds).
    let trainer: ModelTrainer
    /// The final model.
    let model: TrainedModel
    /// The final model on its training rows.
    let train: TrainingReport.ScoredRows
    /// The held-out rows, or every row's out-of-fold prediction with cross-validation.
    let validation: TrainingReport.ScoredRows
    /// What the validation rows are: `validation` or `out-of-fold`.
    let validationName: String
    /// Rows per set.
    let rowCounts: [String: Int]
    /// Each fold's metrics (none for a hold-out).
    let folds: FoldMetrics
}

/// What `fit` hands to the summary.
struct FitOutcome {
    /// The model as written (with its file checksum).
    let model: AccidentModel
    /// The report as written.
    let report: TrainingReport
    /// Each fold's metrics (none for a hold-out).
    let folds: FoldMetrics
    /// What the validation rows are: `validation` or `out-of-fold`.
    let validationName: String
    /// Phase durations.
    let times: PhaseTimes
    /// Wall time of the whole fit.
    let totalSeconds: Double
    /// The files written.
    let files: [URL]
}
