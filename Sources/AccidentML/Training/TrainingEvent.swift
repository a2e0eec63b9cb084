/// Which model of a training job is being trained.
public enum TrainingStage: Sendable, Equatable {
    /// The model of a hold-out run.
    case holdOut
    /// The model of fold `index` (1-based) of `count`.
    case fold(index: Int, count: Int)
    /// The final model after cross-validation, on all rows.
    case final
}

/// What a training job reports while it runs, for progress bars and logs.
public enum TrainingEvent: Sendable {
    /// A part of the rows was encoded (`part` is e.g. `training rows`).
    case encoded(part: String, report: TransformReport)
    /// Training of a stage's model starts, with the steps it will report (of `ModelTrainer.progressSteps`).
    case started(TrainingStage, kind: ModelKind, steps: Int)
    /// A step of the stage is done; `detail` is e.g. `valid auc 0.8123`.
    case step(TrainingStage, done: Int, detail: String)
    /// The stage's model is trained; `summary` is one line on how it went.
    case finished(TrainingStage, summary: String)
    /// A fold's model scored its held-out rows (`MetricSuite` order).
    case foldScored(index: Int, count: Int, metrics: [(name: String, value: Double)])
}
