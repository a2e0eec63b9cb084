/// Why a field value was refused; the decoders add the record index and field name.
struct FieldRejection: Error, Equatable {
    let message: String
}

extension InputField {
    /// The value to store for a decoded value (`nil` = absent or `null`), NaN when missing.
    ///
    /// The BAAC missing code -1 also means missing for an integer field that does not allow -1.
    /// Required fields are checked by the caller once all fields are read, so that a missing
    /// field and an absent one give the same message.
    func normalised(_ raw: Double?) throws(FieldRejection) -> Double {
        guard let value = raw else { return .nan }
        if type == .integer && value == -1 && !allows(-1) { return .nan }
        guard value.isFinite else { throw FieldRejection(message: "expected a finite number") }
        if type == .integer && value.rounded(.towardZero) != value {
            throw FieldRejection(message: "expected an integer, got \(value)")
        }
        guard allows(value) else {
            throw FieldRejection(message: "\(Self.format(value)) is not allowed; expected \(allowedDescription)")
        }
        return value
    }

    /// The message for a required field that is missing.
    static let missingMessage = "missing required field (absent, null and -1 all mean missing)"

    /// Whether a finite value of the right type is accepted.
    func allows(_ value: Double) -> Bool {
        switch allowed {
        case .any: return true
        case .codes(let codes): return codes.contains { Double($0) == value }
        case .range(let range): return range.contains(value)
        }
    }

    /// The accepted values in words, for error messages and the API documentation.
    var allowedDescription: String {
        switch allowed {
        case .any: return type == .integer ? "any integer" : "any number"
        case .codes(let codes): return "one of " + codes.map(String.init).joined(separator: ", ")
        case .range(let range):
            return "\(type == .integer ? "an integer" : "a number") from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))"
        }
    }

    /// A number without a needless `.0`.
    static func format(_ value: Double) -> String {
        value.rounded(.towardZero) == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
