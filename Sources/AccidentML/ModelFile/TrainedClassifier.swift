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

    /// The family, as written in the metadata.
    public var kind: ModelKind {
        switch self {
        case .gbdt: .gbdt
        case .logistic: .logistic
        }
    }

    /// The encoding the model was trained on.
    public var family: ModelFamily { kind.family }

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

    /// Reads the parameters of the model kind named in the metadata; each section decoder gets
    /// the container's format version, which says which fields the section holds.
    static func decode(kind: ModelKind, from container: ModelContainer, path: String) throws -> TrainedClassifier {
        switch kind {
        case .gbdt:
            .gbdt(try GBDTModel(section: try container.requiredSection(GBDTModel.sectionTag, path: path),
                                covers: container.section(GBDTModel.coverSectionTag), version: container.version, path: path))
        case .logistic:
            .logistic(try LogisticModel(section: try container.requiredSection(LogisticModel.sectionTag, path: path),
                                        version: container.version, path: path))
        }
    }
}
