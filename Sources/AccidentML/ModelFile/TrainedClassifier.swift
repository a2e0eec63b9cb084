/// The model families a model file can hold; names are resolved to these at the CLI edge.
public enum TrainedClassifier: Sendable, Equatable {
    /// Histogram gradient-boosted trees on the tree encoding.
    case gbdt(GBDTModel)
    /// Logistic regression on the one-hot, standardised (linear) encoding.
    case logistic(LogisticModel)

    /// The model as the common prediction seam.
    public var classifier: any ProbabilisticClassifier {
        switch self {
        case .gbdt(let m): return m
        case .logistic(let m): return m
        }
    }

    /// The encoding the model was trained on.
    public var family: ModelFamily {
        switch self {
        case .gbdt: return .trees
        case .logistic: return .linear
        }
    }

    /// The kind written in metadata and shown to people.
    public var kindName: String {
        switch self {
        case .gbdt: return "gbdt"
        case .logistic: return "logistic"
        }
    }

    /// The section tag and bytes of the parameters.
    func encodedSection() -> (tag: String, bytes: [UInt8]) {
        switch self {
        case .gbdt(let m): return (GBDTModel.sectionTag, m.encodedSection())
        case .logistic(let m): return (LogisticModel.sectionTag, m.encodedSection())
        }
    }

    /// Optional sections beside the parameters (the trees' covers), as tag and bytes.
    func optionalSections() -> [(tag: String, bytes: [UInt8])] {
        guard case .gbdt(let m) = self, let covers = m.encodedCoverSection() else { return [] }
        return [(GBDTModel.coverSectionTag, covers)]
    }

    /// Reads the parameters of the model kind named in the metadata.
    static func decode(kind: String, from container: ModelContainer, path: String) throws -> TrainedClassifier {
        switch kind {
        case "gbdt":
            return .gbdt(try GBDTModel(section: try container.requiredSection(GBDTModel.sectionTag, path: path),
                                       covers: container.section(GBDTModel.coverSectionTag), path: path))
        case "logistic":
            return .logistic(try LogisticModel(section: try container.requiredSection(LogisticModel.sectionTag, path: path),
                                               path: path))
        default:
            throw ModelFileError.invalidSection(path: path, tag: "META",
                                                reason: "unknown model kind '\(kind)' (this build reads: gbdt, logistic)")
        }
    }
}
