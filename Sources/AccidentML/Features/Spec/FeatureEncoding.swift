/// How a feature's raw value becomes model columns.
public enum FeatureEncoding: Sendable, Equatable, Codable {
    /// A code: trees get its index in the fitted vocabulary (NaN when missing or unseen);
    /// linear models get one-hot columns plus `name=unknown` for missing or unseen codes.
    case categorical
    /// A quantity, clipped to `clip` when given: trees get the clipped value (NaN when missing);
    /// linear models get it standardised, 0 when missing plus a `name_missing` indicator.
    case numeric(clip: ClosedRange<Float>?)
    /// A periodic quantity (hour: 24, month: 12): trees get the value; linear models get
    /// `name_sin`, `name_cos` of `2π·value/period` (0, 0 when missing, plus `name_missing`).
    case cyclic(period: Float)
}

/// One feature of a spec: its column name, where its value comes from and how it is encoded.
public struct FeatureDefinition: Sendable, Equatable, Codable {
    /// Base name of the feature's columns (`catv`, `age`, `hour`).
    public var name: String
    /// Where the raw value comes from.
    public var source: FeatureSource
    /// How it becomes columns.
    public var encoding: FeatureEncoding

    /// Creates a definition; the name defaults to the source's name.
    public init(_ source: FeatureSource, _ encoding: FeatureEncoding, name: String? = nil) {
        self.name = name ?? source.description
        self.source = source
        self.encoding = encoding
    }

    /// Why this definition cannot be used for `unit`, or nil when it can.
    func problem(for unit: PredictionUnit) -> String? {
        if name.isEmpty || name.contains("=") {
            return "feature name \"\(name)\" must be non-empty and contain no \"=\""
        }
        if !source.isAvailable(for: unit) {
            return "feature \"\(name)\": source \(source) is not available for the \(unit) unit"
        }
        switch encoding {
        case .categorical where !source.isInteger:
            return "feature \"\(name)\": source \(source) is not integer-valued, so it cannot be categorical"
        case let .numeric(clip?) where !(clip.lowerBound.isFinite && clip.upperBound.isFinite):
            return "feature \"\(name)\": clip bounds must be finite"
        case let .cyclic(period) where !(period > 0 && period.isFinite):
            return "feature \"\(name)\": cyclic period must be a positive number"
        default:
            return nil
        }
    }
}
