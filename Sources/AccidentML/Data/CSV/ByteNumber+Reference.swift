/// Plain, obviously correct String-based versions of the `ByteNumber` parsers.
///
/// Kept beside the fast ones as their specification: the tests compare both on many inputs.
extension ByteNumber {
    /// Reference for `integer(_:)`: trim, then `Int64(String)`, at most 18 significant digits.
    static func referenceInteger(_ text: String) -> ParsedNumber<Int64> {
        let t = text.trimmingASCIISpaces()
        if t.isEmpty { return .empty }
        let unsigned = t.hasPrefix("-") || t.hasPrefix("+") ? t.dropFirst() : Substring(t)
        guard !unsigned.isEmpty, unsigned.allSatisfy({ $0.isASCII && $0.isNumber }),
              unsigned.drop(while: { $0 == "0" }).count <= 18, let v = Int64(t) else { return .invalid }
        return .value(v)
    }

    /// Reference for `decimal(_:)`: trim, comma to point, then `Double(String)`.
    static func referenceDecimal(_ text: String) -> ParsedNumber<Double> {
        let t = text.trimmingASCIISpaces()
        if t.isEmpty { return .empty }
        let allowed = Set("0123456789+-.,eE")
        guard t.allSatisfy({ allowed.contains($0) }), t.filter({ $0 == "." || $0 == "," }).count <= 1,
              let v = Double(t.replacingOccurrences(of: ",", with: ".")), v.isFinite else { return .invalid }
        return .value(v)
    }
}
