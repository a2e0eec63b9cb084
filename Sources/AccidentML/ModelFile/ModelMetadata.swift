import Foundation

/// What a model file says about its model besides the parameters: kind, classes, how it was trained.
public struct ModelMetadata: Codable, Equatable, Sendable {
    /// Model family, written by name (`gbdt`, `logistic`).
    public var kind: ModelKind
    /// Prediction unit, written by name: `person` (4-class `grav`) or `accident` (severe or not).
    public var unit: PredictionUnit
    /// What each class index means, in probability order.
    public var classLabels: [String]
    /// The model's feature names, in the order the encoder writes them.
    public var featureNames: [String]
    /// Training hyperparameters as text (name → value), for people and the registry.
    public var hyperparameters: [String: String]
    /// Metrics measured at training time (name → value), e.g. validation AUC.
    public var metrics: [String: Double]
    /// Rows used: `train`, `validation`, and any others.
    public var rowCounts: [String: Int]
    /// A fingerprint of the training data (CRC-32 of its features and labels, hex).
    public var dataFingerprint: String
    /// Where the training data came from (folders, database, generator seed), for people.
    public var dataSource: String
    /// The AccidentML version that wrote the file.
    public var libraryVersion: String
    /// When the model was trained (ISO 8601, UTC).
    public var createdAt: String

    /// Creates metadata; `libraryVersion` and `createdAt` default to this build and now.
    public init(kind: ModelKind, unit: PredictionUnit, classLabels: [String], featureNames: [String],
                hyperparameters: [String: String] = [:], metrics: [String: Double] = [:],
                rowCounts: [String: Int] = [:], dataFingerprint: String = "", dataSource: String = "",
                libraryVersion: String = accidentMLVersion,
                createdAt: String = ISO8601DateFormatter().string(from: Date())) {
        self.kind = kind; self.unit = unit; self.classLabels = classLabels; self.featureNames = featureNames
        self.hyperparameters = hyperparameters; self.metrics = metrics; self.rowCounts = rowCounts
        self.dataFingerprint = dataFingerprint; self.dataSource = dataSource
        self.libraryVersion = libraryVersion; self.createdAt = createdAt
    }
}
