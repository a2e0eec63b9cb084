/// The result of parsing a number from a field's bytes.
enum ParsedNumber<Value: Equatable & Sendable>: Equatable, Sendable {
    /// The field is empty or only spaces.
    case empty
    /// A well-formed number.
    case value(Value)
    /// Anything else (letters, two signs, overflow...).
    case invalid
}

/// Fast number parsers on byte ranges: no String, leading and trailing spaces ignored.
///
/// `ByteNumber+Reference.swift` holds the plain String-based versions they are tested against.
enum ByteNumber {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let zero = UInt8(ascii: "0")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")

    /// `field` without leading and trailing spaces and tabs.
    @inline(__always)
    static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = field.count
        while lo < hi && (field[lo] == space || field[lo] == tab) { lo += 1 }
        while hi > lo && (field[hi - 1] == space || field[hi - 1] == tab) { hi -= 1 }
        return UnsafeBufferPointer(rebasing: field[lo..<hi])
    }

    /// Parses an optionally signed decimal integer (`" -1"`, `"0233586"`, `"+7"`).
    @inline(__always)
    static func integer(_ field: UnsafeBufferPointer<UInt8>) -> ParsedNumber<Int64> {
        let f = trimmed(field)
        guard !f.isEmpty else { return .empty }
        var i = 0
        let negative = f[0] == minus
        if negative || f[0] == plus { i = 1 }
        guard i < f.count else { return .invalid }
        var value: Int64 = 0
        var significant = 0
        while i < f.count {
            let d = f[i] &- zero
            guard d < 10 else { return .invalid }
            if value != 0 || d != 0 { significant += 1 }
            value = value &* 10 &+ Int64(d)
            i += 1
        }
        guard significant <= 18 else { return .invalid }
        return .value(negative ? -value : value)
    }

    /// Whether `value` stays finite in the models' Float: the readers of typed cells (CSV files and
    /// CSV request bodies) refuse larger magnitudes instead of letting them become infinite.
    static func fitsFloat(_ value: Double) -> Bool { value.magnitude <= Double(Float.greatestFiniteMagnitude) }

    /// Powers of ten that are exact in a Double.
    static let exactPowersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { acc, _ in acc * 10 } }

    /// Parses a decimal number with a `.` or `,` decimal mark and an optional exponent
    /// (`"44,0389580000"`, `" -0,96446"`, `"2.0"`, `"1e-05"`); correctly rounded.
    ///
    /// Fast path (Clinger): at most 19 significant digits forming an integer below 2^53 and at
    /// most 22 decimals, where one exact division is correctly rounded; other inputs go to
    /// the standard library's correctly rounded parser.
    @inline(__always)
    static func decimal(_ field: UnsafeBufferPointer<UInt8>) -> ParsedNumber<Double> {
        let f = trimmed(field)
        guard !f.isEmpty else { return .empty }
        var i = 0
        let negative = f[0] == minus
        if negative || f[0] == plus { i = 1 }
        var mantissa: UInt64 = 0
        var significant = 0, digits = 0, decimals = 0
        var seenMark = false
        while i < f.count {
            let b = f[i]
            let d = b &- zero
            if d < 10 {
                if mantissa != 0 || d != 0 { significant += 1 }
                if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(d) }
                digits += 1
                if seenMark { decimals += 1 }
            } else if (b == UInt8(ascii: ".") || b == UInt8(ascii: ",")) && !seenMark {
                seenMark = true
            } else if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                return digits > 0 ? slowDecimal(f) : .invalid
            } else {
                return .invalid
            }
            i += 1
        }
        guard digits > 0 else { return .invalid }
        guard significant <= 19, mantissa <= 1 << 53, decimals <= 22 else { return slowDecimal(f) }
        var value = Double(mantissa)
        if decimals > 0 { value /= exactPowersOfTen[decimals] }
        return .value(negative ? -value : value)
    }

    /// The correctly rounded parse of a trimmed decimal (with exponent or many digits).
    static func slowDecimal(_ f: UnsafeBufferPointer<UInt8>) -> ParsedNumber<Double> {
        for b in f where !(b &- zero < 10 || b == minus || b == plus || b == UInt8(ascii: ".")
                           || b == UInt8(ascii: ",") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")) {
            return .invalid
        }
        let text = String(decoding: f.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return .invalid }
        return .value(value)
    }
}
