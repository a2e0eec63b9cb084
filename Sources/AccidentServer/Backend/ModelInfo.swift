/// What a loaded model is: shown by the health route, the metrics and every prediction.
public struct ModelInfo: Sendable, Equatable {
    /// Model family, e.g. `gbdt` or `logistic`; named in "not supported for this kind" errors.
    public var kind: String
    /// The model's version: the CRC-32 of its file (hex), so two files never share one.
    public var version: String
    /// Class names in probability order, e.g. `["not severe", "severe"]`.
    public var classLabels: [String]
    /// What one record describes, e.g. `accident` or `person`.
    public var predictionUnit: String
    /// When the model was trained (ISO 8601, as written in the model file).
    public var created: String

    /// Creates a model description.
    public init(kind: String, version: String, classLabels: [String], predictionUnit: String, created: String) {
        precondition(classLabels.count >= 2, "a classifier has at least two classes")
        self.kind = kind; self.version = version
        self.classLabels = classLabels; self.predictionUnit = predictionUnit; self.created = created
    }
}
