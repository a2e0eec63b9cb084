/// A training workflow: labelled rows in; a final model, its scored rows, per-fold metrics,
/// learning curve and out-of-fold predictions out. What `train fit` and the pipeline's tasks run.
public struct TrainingJob: Sendable {
    /// The model family and its hyperparameters.
    public var trainer: ModelTrainer
    /// How the model is validated.
    public var validation: ValidationPlan
    /// Seed of the split and the folds (the trainer has its own).
    public var seed: UInt64
    /// Worker threads of encoding and scoring.
    public var threads: Int
    /// Which boosting rounds the learning curve records (gbdt); early stopping watches every round anyway.
    public var curve: LearningCurvePlan

    /// Creates a job.
    public init(trainer: ModelTrainer, validation: ValidationPlan = .default, seed: UInt64, threads: Int = 1,
                curve: LearningCurvePlan = .automatic) {
        self.trainer = trainer
        self.validation = validation
        self.seed = seed
        self.threads = threads
        self.curve = curve
    }

    /// Checks the trainer's hyperparameters, the validation plan and the curve plan before any data is read.
    public func validate() throws {
        try trainer.validate()
        try validation.validate()
        try curve.validate()
        if validation == .allRows, case .gbdt(let p, _) = trainer, p.earlyStoppingPatience > 0 {
            throw TrainingError.invalidValidation(
                parameter: "earlyStopping",
                reason: "early stopping after \(p.earlyStoppingPatience) rounds needs validation rows, and the plan holds "
                    + "none out; set the patience to 0 (fixed rounds) or hold rows out")
        }
    }

    /// Trains and scores on `data`; `progress` hears encoding, every training step and every fold.
    /// `validationRows` are the validation rows of a `.separate` plan (and only of it).
    public func run(on data: LabeledRows, validationRows: LabeledRows? = nil,
                    progress: (TrainingEvent) -> Void = { _ in }) throws -> TrainingResult {
        try validate()
        let present = Set(data.labels)
        guard present.count >= 2 else {
            throw TrainingError.singleClass(label: present.first.map { data.classLabels[Int($0)] } ?? "none")
        }
        guard (validation == .separate) == (validationRows != nil) else {
            throw TrainingError.invalidValidation(
                parameter: "validationRows",
                reason: validationRows == nil ? "a separate validation plan needs its validation rows; pass them to run(on:validationRows:)"
                    : "validation rows were given to a \(validation); use the separate plan to validate on them")
        }
        switch validation {
        case .holdOut(let fraction): return try holdOut(data, fraction: fraction, progress: progress)
        case .folds(let k): return try crossValidate(data, folds: k, progress: progress)
        case .allRows: return try trainOnAll(data, progress: progress)
        case .separate: return try separate(data, validationRows: validationRows!, progress: progress)
        }
    }

    /// Trains on a stratified share of the rows and validates on the rest.
    private func holdOut(_ data: LabeledRows, fraction: Double, progress: (TrainingEvent) -> Void) throws -> TrainingResult {
        var times = PhaseTimes()
        let (trainRows, validRows) = StratifiedSampling.split(labels: data.labels, classCount: data.classLabels.count,
                                                              testFraction: fraction, seed: seed)
        guard !trainRows.isEmpty, !validRows.isEmpty else { throw TrainingError.tooFewRows(count: data.count, validation: validation) }
        let split = times.measure("encode") { encode(data, train: trainRows, heldOut: validRows, progress: progress) }
        let departements = data.departements
        return try trainAndScore(split, validDepartements: departements.isEmpty ? [] : validRows.map { departements[$0] },
                                 times: times, progress: progress)
    }

    /// Trains on every row of `data` and validates on every row of `validationRows`.
    private func separate(_ data: LabeledRows, validationRows: LabeledRows,
                          progress: (TrainingEvent) -> Void) throws -> TrainingResult {
        var times = PhaseTimes()
        guard validationRows.count > 0 else { throw TrainingError.tooFewRows(count: 0, validation: validation) }
        let split = try times.measure("encode") {
            try data.encode(validatingOn: validationRows, for: trainer.family, threads: threads) {
                progress(.encoded(part: $0, report: $1))
            }
        }
        return try trainAndScore(split, validDepartements: validationRows.departements, times: times, progress: progress)
    }

    /// Trains the model of `split` stopping on its held-out rows, then scores both sides.
    private func trainAndScore(_ split: EncodedSplit, validDepartements: [Int16], times: PhaseTimes,
                               progress: (TrainingEvent) -> Void) throws -> TrainingResult {
        var times = times
        let model = try times.measure("train") {
            try train(trainer, stage: .holdOut, split.train, validation: split.heldOut, progress: progress)
        }
        let (trainScored, validScored) = times.measure("evaluate") {
            let c = model.classifier.classifier
            return (TrainingReport.ScoredRows(probabilities: c.predictProbabilities(split.train.features, threads: threads),
                                              labels: split.train.labels),
                    TrainingReport.ScoredRows(probabilities: c.predictProbabilities(split.heldOut.features, threads: threads),
                                              labels: split.heldOut.labels, departements: validDepartements))
        }
        return TrainingResult(split: split, trainer: trainer, model: model, train: trainScored, validation: validScored,
                              validationName: validation.scoredRowsName,
                              rowCounts: ["train": split.train.labels.count,
                                          validation.scoredRowsName: split.heldOut.labels.count],
                              folds: FoldMetrics(), times: times)
    }

    /// Trains on every row, for fixed rounds, with nothing held out: no validation metrics.
    private func trainOnAll(_ data: LabeledRows, progress: (TrainingEvent) -> Void) throws -> TrainingResult {
        var times = PhaseTimes()
        let (split, model, trainScored) = try trainOnEveryRow(data, trainer, stage: .holdOut, times: &times, progress: progress)
        return TrainingResult(split: split, trainer: trainer, model: model, train: trainScored, validation: nil,
                              validationName: validation.scoredRowsName, rowCounts: ["train": data.count],
                              folds: FoldMetrics(), times: times)
    }

    /// Scores every fold with a model trained on the others, then trains the final model on all rows.
    private func crossValidate(_ data: LabeledRows, folds k: Int, progress: (TrainingEvent) -> Void) throws -> TrainingResult {
        guard k <= data.count else { throw TrainingError.tooFewRows(count: data.count, validation: validation) }
        var times = PhaseTimes()
        let classCount = data.classLabels.count
        let folds = StratifiedSampling.folds(labels: data.labels, classCount: classCount, count: k, seed: seed)
        var outOfFold = [Float](repeating: 0, count: data.count * classCount)
        var foldMetrics = FoldMetrics()
        var foldModels: [TrainedModel] = []
        for (i, fold) in folds.enumerated() {
            var inFold = [Bool](repeating: false, count: data.count)
            for r in fold { inFold[r] = true }
            let split = times.measure("encode") {
                encode(data, train: data.labels.indices.filter { !inFold[$0] }, heldOut: fold, progress: progress)
            }
            let model = try times.measure("train") {
                try train(trainer, stage: .fold(index: i + 1, count: k), split.train, validation: split.heldOut,
                          progress: progress)
            }
            let p = times.measure("evaluate") { model.classifier.classifier.predictProbabilities(split.heldOut.features, threads: threads) }
            for (j, r) in fold.enumerated() {
                for c in 0..<classCount { outOfFold[r * classCount + c] = p[j * classCount + c] }
            }
            let values = MetricSuite.evaluate(probabilities: p, labels: split.heldOut.labels, classCount: classCount)
            foldMetrics.folds.append(values)
            foldModels.append(model)
            progress(.foldScored(index: i + 1, count: k, metrics: values))
        }
        let finalTrainer = trainer.final(afterFolds: foldModels)
        let (split, model, trainScored) = try trainOnEveryRow(data, finalTrainer, stage: .final, times: &times,
                                                              progress: progress)
        return TrainingResult(split: split, trainer: finalTrainer, model: model, train: trainScored,
                              validation: TrainingReport.ScoredRows(probabilities: outOfFold, labels: data.labels,
                                                                    departements: data.departements),
                              validationName: validation.scoredRowsName,
                              rowCounts: ["train": data.count, validation.scoredRowsName: data.count],
                              folds: foldMetrics, times: times)
    }

    /// Encodes every row of `data`, trains `trainer` on them with nothing held out and scores
    /// them: a model without validation, and the final model after cross-validation.
    private func trainOnEveryRow(_ data: LabeledRows, _ trainer: ModelTrainer, stage: TrainingStage, times: inout PhaseTimes,
                                 progress: (TrainingEvent) -> Void)
        throws -> (split: EncodedSplit, model: TrainedModel, trainScored: TrainingReport.ScoredRows) {
        let split = times.measure("encode") { encode(data, train: Array(0..<data.count), heldOut: [], progress: progress) }
        let model = try times.measure("train") {
            try train(trainer, stage: stage, split.train, validation: nil, progress: progress)
        }
        let trainScored = times.measure("evaluate") {
            TrainingReport.ScoredRows(probabilities: model.classifier.classifier.predictProbabilities(split.train.features,
                                                                                                   threads: threads),
                                      labels: split.train.labels)
        }
        return (split, model, trainScored)
    }

    private func encode(_ data: LabeledRows, train: [Int], heldOut: [Int], progress: (TrainingEvent) -> Void) -> EncodedSplit {
        data.encode(train: train, heldOut: heldOut, for: trainer.family, threads: threads) { progress(.encoded(part: $0, report: $1)) }
    }

    private func train(_ trainer: ModelTrainer, stage: TrainingStage, _ rows: LabeledMatrix<Float>,
                       validation: LabeledMatrix<Float>?, progress: (TrainingEvent) -> Void) throws -> TrainedModel {
        progress(.started(stage, kind: trainer.kind, steps: trainer.progressSteps))
        let model = try trainer.train(rows, validation: validation, curve: curve) { progress(.step(stage, done: $0, detail: $1)) }
        progress(.finished(stage, summary: model.summary))
        return model
    }
}
