/// One field of a single-record prediction request: its JSON name, what it accepts and whether
/// it is required. `FittedEncoder.inputFields` lists them; the server derives its JSON schema.
public struct InputField: Sendable, Equatable {
    /// The JSON key, e.g. `catv`, `an_nais`, `vehicles`.
    public let name: String
    /// What values the field accepts.
    public let kind: InputKind
    /// Whether a request without this field is rejected; absent optional fields are missing.
    public let required: Bool
    /// One line saying what the field is.
    public let summary: String
}

/// The values an `InputField` accepts. Every field also accepts JSON `null` (= absent), and
/// `.code` fields accept the BAAC missing code -1.
public enum InputKind: Sendable, Equatable {
    /// A BAAC code: a JSON integer among `allowed`, or one of the `aliases` strings.
    case code(allowed: [Int], aliases: [String: Int])
    /// A whole number within the range.
    case integer(ClosedRange<Int>)
    /// A number within the range.
    case number(ClosedRange<Double>)
    /// `true`/`false` or 0/1.
    case flag
    /// A time of day `"HH:MM"`.
    case time
    /// An array of BAAC codes among `allowed`.
    case codeList(allowed: [Int])
    /// An array of objects, each made of these fields.
    case records([InputField])

    /// What the kind accepts, in words (for error messages and docs).
    public var allowedDescription: String {
        switch self {
        case let .code(allowed, aliases):
            let named = aliases.filter { Int($0.key) == nil }.sorted { $0.value < $1.value }
                .map { "\"\($0.key)\" (= \($0.value))" }
            let numericStrings = aliases.keys.contains { Int($0) != nil }
            return "one of " + Self.compact(allowed) + (named.isEmpty ? "" : ", " + named.joined(separator: ", "))
                + (numericStrings ? "; codes may also be given as strings, e.g. \"01\"" : "")
                + "; -1 or null when unknown"
        case let .integer(range): return "a whole number in \(range.lowerBound)...\(range.upperBound)"
        case let .number(range): return "a number in \(range.lowerBound)...\(range.upperBound)"
        case .flag: return "true/false or 0/1"
        case .time: return "a time \"HH:MM\" (00:00...23:59)"
        case let .codeList(allowed): return "an array of codes, each one of " + Self.compact(allowed) + " or -1 when unknown"
        case let .records(fields): return "an array of objects with fields " + fields.map(\.name).joined(separator: ", ")
        }
    }

    /// Sorted codes with consecutive runs shortened: `1...5, 7, 9`.
    static func compact(_ codes: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        let sorted = codes.sorted()
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count && sorted[j + 1] == sorted[j] + 1 { j += 1 }
            parts.append(j - i >= 2 ? "\(sorted[i])...\(sorted[j])" : (i...j).map { "\(sorted[$0])" }.joined(separator: ", "))
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }
}
