/// Why a single-record request cannot be encoded; the server answers it with HTTP 422.
///
/// Every case names the field path (`catv`, `vehicles[1].catv`) and says what is accepted.
public enum FeatureInputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A field name that is not part of the request schema at this level.
    case unknownField(path: String, known: [String])
    /// A value of the wrong JSON type.
    case wrongType(path: String, found: String, expected: String)
    /// A value of the right type outside the allowed codes or range.
    case outOfRange(path: String, value: String, expected: String)
    /// A required field that is absent or null.
    case missingField(path: String, expected: String)
    /// Two fields that give the same information (`hrmn` and `hour`).
    case conflictingFields(path: String, other: String)

    /// The field path the error is about.
    public var path: String {
        switch self {
        case let .unknownField(path, _), let .wrongType(path, _, _), let .outOfRange(path, _, _),
             let .missingField(path, _), let .conflictingFields(path, _): path
        }
    }

    /// What is wrong, where, and how to fix it.
    public var description: String {
        // Client text is clipped (Format.clipped): a 900 KB value must not make a 900 KB message.
        let clip = { (text: String) in Format.clipped(text) }
        return switch self {
        case let .unknownField(path, known):
            "unknown field \"\(clip(path))\": remove it or use one of " + known.joined(separator: ", ")
        case let .wrongType(path, found, expected):
            "field \"\(clip(path))\" is \(clip(found)): expected \(expected)"
        case let .outOfRange(path, value, expected):
            "field \"\(clip(path))\" = \(clip(value)) is not allowed: expected \(expected)"
        case let .missingField(path, expected):
            "field \"\(clip(path))\" is required: add it as \(expected)"
        case let .conflictingFields(path, other):
            "fields \"\(clip(path))\" and \"\(clip(other))\" both give the time of day: send only one of them"
        }
    }
}

extension FeatureInputError: AccidentMLError {
    /// Always a record that cannot be used as it is.
    public var category: ErrorCategory { .data }
}
