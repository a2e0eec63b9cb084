/// Where a feature's raw value comes from: a BAAC field or a derived feature. Coded as its
/// name (`"catv"`, `"age"`); the two name sets do not overlap.
public enum FeatureSource: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A raw BAAC field of the accident, place, vehicle or person.
    case field(BAACField)
    /// A feature computed from several fields or from the whole accident.
    case derived(DerivedFeature)

    /// The source's name: the BAAC field name or the derived feature's name.
    public var description: String {
        switch self {
        case let .field(f): f.rawValue
        case let .derived(d): d.rawValue
        }
    }

    /// The source with this name, or nil.
    public init?(name: String) {
        if let f = BAACField(rawValue: name) { self = .field(f) }
        else if let d = DerivedFeature(rawValue: name) { self = .derived(d) }
        else { return nil }
    }

    /// Whether a prediction unit's rows carry this source.
    public func isAvailable(for unit: PredictionUnit) -> Bool {
        switch self {
        case let .field(f): f.isAvailable(for: unit)
        case let .derived(d): d.isAvailable(for: unit)
        }
    }

    /// Whether the values are whole numbers (so the source may be categorical).
    public var isInteger: Bool {
        switch self {
        case let .field(f): f.isInteger
        case let .derived(d): d.isInteger
        }
    }

    /// The raw value in a row, NaN when missing: the one read shared by fit, batch transform
    /// and the single-record path.
    @inline(__always)
    func value(in row: UnsafePointer<FeatureRow>) -> Float {
        switch self {
        case let .field(f): f.value(in: row)
        case let .derived(d): d.value(in: row)
        }
    }

    /// Decodes a source from its name.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let source = FeatureSource(name: name) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown feature source \"\(name)\"; use a BAAC field "
                    + "name (catv, vma...) or a derived feature (age, hour...), see docs/features.md")
        }
        self = source
    }

    /// Encodes the source as its name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
