/// One field of an input record: its BAAC name, JSON type, allowed values and whether it is required.
///
/// The server validates every record against these before calling the backend, and the
/// OpenAPI document's request schema is generated from them.
public struct InputField: Sendable, Equatable {
    /// The JSON type of a field's value.
    public enum ValueType: String, Sendable {
        /// A whole number (BAAC codes, years, speed limits).
        case integer
        /// Any finite number (coordinates, widths).
        case number
    }

    /// The values a field accepts besides "missing".
    public enum Allowed: Sendable, Equatable {
        /// Any value of the field's type.
        case any
        /// One of these codes, e.g. `catu` 1, 2, 3.
        case codes([Int])
        /// A value within these bounds, inclusive.
        case range(ClosedRange<Double>)
    }

    /// The BAAC column name, e.g. `catu`; the JSON key and CSV header of the field.
    public var name: String
    /// The JSON type.
    public var type: ValueType
    /// The accepted values.
    public var allowed: Allowed
    /// Whether a record without this field (absent, `null`, or the BAAC missing code -1) is refused.
    public var isRequired: Bool
    /// One line for the API documentation, e.g. "user category: 1 driver, 2 passenger, 3 pedestrian".
    public var summary: String

    /// Creates a field description.
    public init(name: String, type: ValueType, allowed: Allowed = .any, isRequired: Bool, summary: String) {
        self.name = name; self.type = type; self.allowed = allowed
        self.isRequired = isRequired; self.summary = summary
    }
}
