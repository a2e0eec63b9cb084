/// Everything a training run's report shows and its `metrics.json` holds: run information, the
/// training data summary, learning curves, final metrics, ROC and calibration curves, confusion
/// matrix, feature importance and the observed/predicted severe share by département.
///
/// Built once by `init(run:trainingFeatures:train:validation:...)` from arrays the trainer
/// already has; rendered by `ReportRenderer`; written by `write(toRunFolder:)`.
public struct TrainingReport: Codable, Sendable, Equatable {
    /// Version of this layout in `metrics.json`, raised when a field changes meaning.
    public var schemaVersion: Int
    /// What was trained, how, on what, and when.
    public var run: RunInfo
    /// Rows, classes and per-feature summaries of the training data.
    public var data: DataSummary
    /// Per-metric train/validation values round by round (iteration by iteration).
    public var learningCurves: [LearningCurve]
    /// Metrics of the final model on the training and validation rows, in the order given.
    public var finalMetrics: [FinalMetric]
    /// Validation ROC curves: one for the positive class (binary) or one per class against the rest.
    public var roc: [ROCSeries]
    /// Validation reliability diagrams, one per class as `roc`.
    public var calibration: [CalibrationSeries]
    /// Validation confusion matrix of the most probable class.
    public var confusion: ConfusionTable
    /// Feature importance, most important first.
    public var importance: Importance
    /// Validation share of severe outcomes, observed and predicted, by département.
    public var severityByDepartement: SeverityByDepartement

    /// The current `schemaVersion`.
    public static let currentSchemaVersion = 1

    /// Creates a report from parts already computed (decoding and tests use this too).
    public init(run: RunInfo, data: DataSummary, learningCurves: [LearningCurve], finalMetrics: [FinalMetric],
                roc: [ROCSeries], calibration: [CalibrationSeries], confusion: ConfusionTable,
                importance: Importance, severityByDepartement: SeverityByDepartement,
                schemaVersion: Int = TrainingReport.currentSchemaVersion) {
        self.schemaVersion = schemaVersion
        self.run = run; self.data = data; self.learningCurves = learningCurves; self.finalMetrics = finalMetrics
        self.roc = roc; self.calibration = calibration; self.confusion = confusion
        self.importance = importance; self.severityByDepartement = severityByDepartement
    }
}
