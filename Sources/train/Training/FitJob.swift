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
        try RunFolder.checkCreatable(plan.runFolder.appendingPathComponent("model.aml"))
        let data = try times.measure("load") { try DataLoader.loadLabeled(plan.source, unit: plan.unit, log: log) }
        try Self.checkClasses(data, source: plan.source.summary(in: console))
        log.note("training \(plan.trainer.kind) on \(Format.count(data.count)) \(plan.unit) rows "
                 + "(\(plan.source.summary(in: console))), \(plan.validation)")
        var trained: FoldedFit
        switch plan.validation {
        case .holdOut(let fraction): trained = try holdOut(data, fraction: fraction, times: &times)
        case .folds(let k): trained = try crossValidate(data, folds: k, times: &times)
        }
        var model = AccidentModel(metadata: metadata(for: trained, data: data), input: trained.split.input,
                                  classifier: trained.model.classifier)
        let folder = RunFolder(url: plan.runFolder)
        let modelURL = try times.measure("write") { () throws -> URL in
            try folder.create()
            return try folder.write(model: &model)
        }
        let metrics = RunMetrics(model: model, scores: trained.scores, durations: times.dictionary, seed: plan.seed)
        let written = [modelURL, try times.measure("write") { try folder.write(metrics: metrics) }]
        return FitOutcome(model: model, scores: trained.scores, times: times, totalSeconds: total.seconds, files: written)
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
        let bar = ProgressBar(console: log.console, verbosity: log.verbosity, label: plan.trainer.kind, total: 1)
        let model = try times.measure("train") { try plan.trainer.train(split.train, validation: split.heldOut, progress: bar) }
        let scores = times.measure("evaluate") { () -> RunScores in
            let c = model.classifier.classifier
            return RunScores(classCount: data.classLabels.count, sets: [
                ("train", split.train.labels, c.predictProbabilities(split.train.features, threads: plan.threads)),
                ("validation", split.heldOut.labels, c.predictProbabilities(split.heldOut.features, threads: plan.threads)),
            ], rowCounts: ["train": split.train.labels.count, "validation": split.heldOut.labels.count])
        }
        return FoldedFit(split: split, model: model, scores: scores)
    }

    /// Scores every fold with a model trained on the others, then trains the final model on all rows.
    private func crossValidate(_ data: LabeledRows, folds k: Int, times: inout PhaseTimes) throws -> FoldedFit {
        guard k <= data.count else {
            throw CLIError.data("\(Format.count(data.count)) rows are too few for \(k) folds. Fix: use fewer --folds.")
        }
        let classCount = data.classLabels.count
        let folds = StratifiedSampling.folds(labels: data.labels, classCount: classCount, count: k, seed: plan.seed)
        var outOfFold = [Float](repeating: 0, count: data.count * classCount)
        var foldMetrics: [[(name: String, value: Double)]] = []
        for (i, fold) in folds.enumerated() {
            var inFold = [Bool](repeating: false, count: data.count)
            for r in fold { inFold[r] = true }
            let split = times.measure("encode") {
                data.encode(train: data.labels.indices.filter { !inFold[$0] }, heldOut: fold,
                            for: plan.trainer.family, threads: plan.threads, log: log)
            }
            let bar = ProgressBar(console: log.console, verbosity: log.verbosity, label: "fold \(i + 1)/\(k)",
                                  total: 1, summaryVerbosity: .verbose)
            let model = try times.measure("train") { try plan.trainer.train(split.train, validation: split.heldOut, progress: bar) }
            let p = times.measure("evaluate") { model.classifier.classifier.predictProbabilities(split.heldOut.features, threads: plan.threads) }
            for (j, r) in fold.enumerated() {
                for c in 0..<classCount { outOfFold[r * classCount + c] = p[j * classCount + c] }
            }
            let values = MetricSuite.evaluate(probabilities: p, labels: split.heldOut.labels, classCount: classCount)
            foldMetrics.append(values)
            log.note("fold \(i + 1)/\(k): " + values.map { "\($0.name) \(Format.metric($0.value))" }.joined(separator: ", "))
        }
        let split = times.measure("encode") {
            data.encode(train: Array(0..<data.count), heldOut: [], for: plan.trainer.family, threads: plan.threads, log: log)
        }
        let bar = ProgressBar(console: log.console, verbosity: log.verbosity, label: "final \(plan.trainer.kind)", total: 1)
        let model = try times.measure("train") { try plan.trainer.train(split.train, validation: nil, progress: bar) }
        let scores = times.measure("evaluate") { () -> RunScores in
            let trainP = model.classifier.classifier.predictProbabilities(split.train.features, threads: plan.threads)
            return RunScores(classCount: classCount, sets: [("train", split.train.labels, trainP),
                                                            ("out_of_fold", data.labels, outOfFold)],
                             rowCounts: ["train": data.count, "folds": k], folds: foldMetrics)
        }
        return FoldedFit(split: split, model: model, scores: scores)
    }

    /// The model file's metadata: what was trained, how, on what, and how well.
    private func metadata(for fit: FoldedFit, data: LabeledRows) -> ModelMetadata {
        var hyperparameters = plan.trainer.hyperparameters.merging(fit.model.details) { $1 }
        hyperparameters["seed"] = "\(plan.seed)"
        hyperparameters["validation"] = "\(plan.validation)"
        hyperparameters["metric"] = plan.metric.rawValue
        return ModelMetadata(kind: plan.trainer.kind, unit: plan.unit.rawValue, classLabels: data.classLabels,
                             featureNames: fit.split.input.columnNames(for: plan.trainer.family),
                             hyperparameters: hyperparameters, metrics: fit.scores.flatMetrics,
                             rowCounts: fit.scores.rowCounts, dataFingerprint: fit.split.train.fingerprint,
                             dataSource: plan.source.summary(in: log.console))
    }
}

/// The final model of a fit, the split it was trained on, and every score.
struct FoldedFit {
    /// The final model's encoded training rows (and held-out rows for a hold-out).
    let split: EncodedSplit
    /// The final model.
    let model: TrainedModel
    /// Metrics on every scored set.
    let scores: RunScores
}

/// What `fit` hands to the summary.
struct FitOutcome {
    /// The model as written (with its file checksum).
    let model: AccidentModel
    /// Metrics on every scored set.
    let scores: RunScores
    /// Phase durations.
    let times: PhaseTimes
    /// Wall time of the whole fit.
    let totalSeconds: Double
    /// The files written.
    let files: [URL]
}
