/// A declarative, ordered list of features for one prediction unit: what to feed a model.
///
/// `Codable`, so that a model file records exactly which features it was trained on.
public struct FeatureSpec: Sendable, Equatable, Codable {
    /// The unit whose rows the spec reads.
    public let unit: PredictionUnit
    /// The features, in column order.
    public let features: [FeatureDefinition]

    /// Creates a spec; every source must be available for `unit` and names must be unique.
    public init(unit: PredictionUnit, features: [FeatureDefinition]) {
        if let problem = Self.problem(unit: unit, features: features) { preconditionFailure(problem) }
        self.unit = unit
        self.features = features
    }

    private enum CodingKeys: String, CodingKey { case unit, features }

    /// Decodes a spec, rejecting invalid ones with `DecodingError.dataCorrupted`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        unit = try container.decode(PredictionUnit.self, forKey: .unit)
        features = try container.decode([FeatureDefinition].self, forKey: .features)
        if let problem = Self.problem(unit: unit, features: features) {
            throw DecodingError.dataCorruptedError(forKey: .features, in: container, debugDescription: problem)
        }
    }

    /// Why these features do not make a valid spec, or nil.
    static func problem(unit: PredictionUnit, features: [FeatureDefinition]) -> String? {
        var names = Set<String>()
        for f in features {
            if let problem = f.problem(for: unit) { return problem }
            if !names.insert(f.name).inserted { return "feature name \"\(f.name)\" is used twice" }
        }
        return nil
    }
}
