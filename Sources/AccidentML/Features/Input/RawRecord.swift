/// One prediction request: BAAC field values by field name, as decoded from JSON
/// (`{"catv": 7, "vma": 80, "hrmn": "17:45", "dep": "2A"}`).
public struct RawRecord: Sendable, Equatable, Codable, ExpressibleByDictionaryLiteral {
    /// The values by field name.
    public var fields: [String: RawValue]

    /// Creates a record from its fields.
    public init(_ fields: [String: RawValue] = [:]) { self.fields = fields }

    /// Creates a record from a literal, e.g. `["catv": 7, "hrmn": "17:45"]`.
    public init(dictionaryLiteral elements: (String, RawValue)...) {
        fields = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// The value of a field, or nil when absent.
    public subscript(name: String) -> RawValue? {
        get { fields[name] }
        set { fields[name] = newValue }
    }

    /// Decodes a record from a JSON object.
    public init(from decoder: any Decoder) throws {
        fields = try decoder.singleValueContainer().decode([String: RawValue].self)
    }

    /// Encodes the record as a JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fields)
    }
}

/// A JSON value of a request field.
public enum RawValue: Sendable, Equatable, Codable, ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    /// JSON `null`: the field is treated as absent.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// A whole number.
    case integer(Int)
    /// A number with a fraction (or too large for `Int`).
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([RawValue])
    /// An object.
    case object([String: RawValue])

    /// The JSON type name, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer: "an integer"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// `nil` → `.null`.
    public init(nilLiteral: ()) { self = .null }
    /// `true` → `.bool(true)`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// `7` → `.integer(7)`.
    public init(integerLiteral value: Int) { self = .integer(value) }
    /// `41.9` → `.number(41.9)`.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// `"2A"` → `.string("2A")`.
    public init(stringLiteral value: String) { self = .string(value) }
    /// `[33, 14]` → `.array`.
    public init(arrayLiteral elements: RawValue...) { self = .array(elements) }
    /// `["catv": 7]` → `.object`.
    public init(dictionaryLiteral elements: (String, RawValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .integer(i) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([RawValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: RawValue].self)) }
    }

    /// Encodes the value as plain JSON.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case let .bool(b): try c.encode(b)
        case let .integer(i): try c.encode(i)
        case let .number(d): try c.encode(d)
        case let .string(s): try c.encode(s)
        case let .array(a): try c.encode(a)
        case let .object(o): try c.encode(o)
        }
    }
}
