import Foundation

/// What a loaded model is: shown by the health route, the metrics and every prediction.
public struct ModelInfo: Sendable, Equatable {
    /// Model family, e.g. `gbdt` or `logistic`; named in "not supported for this kind" errors.
    public var kind: String
    /// The model's version as written in its file, e.g. `2024.06-1`.
    public var version: String
    /// A checksum of the model file (hex), so operators can tell two files with one version apart.
    public var checksum: String
    /// Class names in probability order, e.g. `["indemne", "tué", "hospitalisé", "blessé léger"]`.
    public var classLabels: [String]
    /// What one record describes, e.g. `user` (one person involved in an accident).
    public var predictionUnit: String
    /// When the model was trained or written.
    public var created: Date

    /// Creates a model description.
    public init(kind: String, version: String, checksum: String, classLabels: [String],
                predictionUnit: String, created: Date) {
        precondition(classLabels.count >= 2, "a classifier has at least two classes")
        self.kind = kind; self.version = version; self.checksum = checksum
        self.classLabels = classLabels; self.predictionUnit = predictionUnit; self.created = created
    }
}
