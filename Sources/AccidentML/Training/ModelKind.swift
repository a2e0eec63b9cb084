/// The model families a model file can hold, by the name written in its metadata (`kind`).
///
/// Adding a family: a case here, its classifier in `TrainedClassifier`, its trainer in
/// `ModelTrainer` (see docs/architecture.md).
public enum ModelKind: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// Histogram gradient-boosted trees on the tree encoding.
    case gbdt
    /// L2-regularised logistic regression on the linear (one-hot, standardised) encoding.
    case logistic

    /// The encoding the family trains on and predicts from.
    public var family: ModelFamily {
        switch self {
        case .gbdt: .trees
        case .logistic: .linear
        }
    }

    /// The name, as written in model files and shown to people.
    public var description: String { rawValue }

    /// Reads the name; an unknown one says which names this build reads.
    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let kind = ModelKind(rawValue: name) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "unknown model kind '\(name)' (this build reads: "
                    + Self.allCases.map(\.rawValue).joined(separator: ", ") + ")"))
        }
        self = kind
    }
}
