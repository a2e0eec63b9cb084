/// What a `TrainingJob` produced: the final model, the split it was trained on, its scored
/// rows (held-out or out-of-fold), each fold's metrics and the time of each phase.
public struct TrainingResult: Sendable {
    /// The final model's encoded training rows (and held-out rows for a hold-out).
    public let split: EncodedSplit
    /// The trainer of the final model (after folds: trees get the folds' mean kept rounds).
    public let trainer: ModelTrainer
    /// The final model, with its learning curve.
    public let model: TrainedModel
    /// The final model on its training rows.
    public let train: TrainingReport.ScoredRows
    /// The held-out (or separate) rows, or every row's out-of-fold prediction with
    /// cross-validation; nil when nothing was validated (`ValidationPlan.allRows`).
    public let validation: TrainingReport.ScoredRows?
    /// What the validation rows are: `validation` or `out-of-fold` (`none` without validation).
    public let validationName: String
    /// Rows per set.
    public let rowCounts: [String: Int]
    /// Each fold's metrics (none for a hold-out).
    public let folds: FoldMetrics
    /// Seconds spent encoding, training and evaluating.
    public let times: PhaseTimes
}

/// Where a trained model comes from, for its metadata: what `TrainingResult.assemble` records.
public struct TrainingProvenance: Sendable {
    /// The prediction unit (BAAC rows' own; the one declared for a feature CSV).
    public var unit: PredictionUnit
    /// The headline metric of the run.
    public var metric: MetricChoice
    /// The job's validation plan.
    public var validation: ValidationPlan
    /// The job's seed.
    public var seed: UInt64
    /// Where the training data came from (folders, database, generator seed), for people.
    public var dataSource: String

    /// Creates a provenance.
    public init(unit: PredictionUnit, metric: MetricChoice, validation: ValidationPlan, seed: UInt64, dataSource: String) {
        self.unit = unit; self.metric = metric; self.validation = validation; self.seed = seed; self.dataSource = dataSource
    }
}

extension TrainingResult {
    /// The model file's model (metadata with hyperparameters and metrics) and the training
    /// report, which agree; `durations` go into the report.
    public func assemble(_ provenance: TrainingProvenance, classLabels: [String],
                         durations: [String: Double] = [:]) -> (model: AccidentModel, report: TrainingReport) {
        var hyperparameters = trainer.hyperparameters.merging(model.details) { $1 }
        hyperparameters["seed"] = "\(provenance.seed)"
        hyperparameters["validation"] = "\(provenance.validation)"
        hyperparameters["metric"] = provenance.metric.rawValue
        var metadata = ModelMetadata(kind: trainer.kind, unit: provenance.unit, classLabels: classLabels,
                                     featureNames: split.input.columnNames(for: trainer.family),
                                     hyperparameters: hyperparameters, rowCounts: rowCounts,
                                     dataFingerprint: split.train.fingerprint, dataSource: provenance.dataSource)
        let report = RunReport.make(metadata: metadata, seed: provenance.seed, durations: durations,
                                    features: split.readableTrainFeatures, train: train, validation: validation,
                                    learningCurves: model.learningCurves, classifier: model.classifier)
        metadata.metrics = RunReport.flatMetrics(report, folds: folds)
        return (AccidentModel(metadata: metadata, input: split.input, classifier: model.classifier), report)
    }
}
