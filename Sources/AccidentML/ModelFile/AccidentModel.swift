import Foundation

/// Everything needed to predict severity from raw BAAC fields: the fitted encoder, the trained
/// classifier and what is known about them. This is what a model file holds, and what the server
/// and the pipeline load.
public struct AccidentModel: Sendable {
    /// Kind, classes, hyperparameters, training metadata.
    public var metadata: ModelMetadata
    /// What the model takes: raw BAAC fields through a fitted encoder, or named columns.
    public var input: ModelInput
    /// The trained classifier.
    public var classifier: TrainedClassifier
    /// CRC-32 of the model file the model was read from or last written to (hex), or nil.
    public internal(set) var fileChecksum: String?

    /// Creates a model from its parts; the classifier must expect the input's columns and the
    /// metadata's classes.
    public init(metadata: ModelMetadata, input: ModelInput, classifier: TrainedClassifier) {
        precondition(input.columnCount(for: classifier.family) == classifier.classifier.featureCount,
                     "the input gives \(input.columnCount(for: classifier.family)) columns, the classifier expects \(classifier.classifier.featureCount)")
        precondition(metadata.classLabels.count == classifier.classifier.classCount, "class counts disagree")
        self.metadata = metadata
        self.input = input
        self.classifier = classifier
    }

    /// A short version string: the file checksum when known, else `unsaved`.
    public var version: String { fileChecksum ?? "unsaved" }

    /// The class labels, in probability order.
    public var classLabels: [String] { metadata.classLabels }
}

/// One prediction: the most likely class and every class's probability.
public struct SeverityPrediction: Sendable, Equatable, Codable {
    /// Index of the most likely class.
    public var classIndex: Int
    /// Label of the most likely class.
    public var classLabel: String
    /// Probability of each class, in `classLabels` order.
    public var probabilities: [Float]
}
