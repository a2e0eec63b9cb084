import AccidentML

/// A strict JSON reader over raw bytes: the fast path that decodes records straight from
/// the request body into `RawRecord`s, without going through `Codable`.
///
/// It validates the whole document's syntax (RFC 8259: no trailing commas, no comments, at most
/// `maximumDepth` nested arrays and objects). `RecordDecoding` (Foundation's `JSONDecoder`)
/// is the plain version it is tested against.
struct JSONScanner {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    /// Arrays and objects open at the current position.
    private var depth = 0

    /// Deepest nesting accepted: records nest three levels (accident, vehicles, vehicle); the
    /// limit keeps the recursive reader's stack small whatever the body.
    static let maximumDepth = 64

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    func malformed(_ what: String) -> MalformedBodyError {
        MalformedBodyError(message: "the request body is not valid JSON: \(what) at byte \(offset)")
    }

    private func peek() -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    mutating func skipWhitespace() {
        while let b = peek(), b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { offset += 1 }
    }

    /// Checks that only whitespace is left.
    mutating func expectEnd() throws(MalformedBodyError) {
        skipWhitespace()
        guard isAtEnd else { throw malformed("unexpected data after the document") }
    }

    /// Consumes `byte` (after whitespace) if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard peek() == byte else { return false }
        offset += 1
        return true
    }

    mutating func expect(_ byte: UInt8) throws(MalformedBodyError) {
        guard consume(byte) else { throw malformed("expected '\(Character(Unicode.Scalar(byte)))'") }
    }

    /// The next value's first byte, after whitespace.
    mutating func peekValue() throws(MalformedBodyError) -> UInt8 {
        skipWhitespace()
        guard let b = peek() else { throw malformed("unexpected end") }
        return b
    }

    /// Reads any value.
    mutating func value() throws(MalformedBodyError) -> RawValue {
        switch try peekValue() {
        case UInt8(ascii: "{"): return .object(try object())
        case UInt8(ascii: "["):
            try enter()
            var items: [RawValue] = []
            if !consume(UInt8(ascii: "]")) {
                repeat { items.append(try value()) } while consume(UInt8(ascii: ","))
                try expect(UInt8(ascii: "]"))
            }
            leave()
            return .array(items)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    /// Reads an object (the scanner is at it); a repeated key keeps its last value.
    mutating func object() throws(MalformedBodyError) -> [String: RawValue] {
        try enter()
        var fields: [String: RawValue] = [:]
        if !consume(UInt8(ascii: "}")) {
            repeat {
                skipWhitespace()
                let key = try string()
                try expect(UInt8(ascii: ":"))
                fields[key] = try value()
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"))
        }
        leave()
        return fields
    }

    /// An object key (the scanner is at its opening quote).
    enum Key {
        /// The key's bytes, plain ASCII without escapes: no `String` was made.
        case ascii(UnsafeRawBufferPointer)
        /// Any other key, decoded as `string()` decodes it.
        case decoded(String)
    }

    /// Reads an object key, as `string()` would, but without making a `String` for plain ASCII.
    mutating func key() throws(MalformedBodyError) -> Key {
        if peek() == UInt8(ascii: "\"") {
            var end = offset + 1
            while end < bytes.count, bytes[end] >= 0x20, bytes[end] < 0x80, bytes[end] != UInt8(ascii: "\\") {
                if bytes[end] == UInt8(ascii: "\"") {
                    defer { offset = end + 1 }
                    return .ascii(UnsafeRawBufferPointer(rebasing: bytes[(offset + 1)..<end]))
                }
                end += 1
            }
        }
        return .decoded(try string())
    }

    /// Reads a value where only a number (or null) is accepted: numbers and null as `value()`
    /// reads them; any other value is validated and skipped, and an empty value of its type
    /// (`.string("")`, `.array([])`...) stands for it, which allocates nothing.
    mutating func numericValue() throws(MalformedBodyError) -> RawValue {
        switch try peekValue() {
        case UInt8(ascii: "{"): try skipValue(); return .object([:])
        case UInt8(ascii: "["): try skipValue(); return .array([])
        case UInt8(ascii: "\""): try skipValue(); return .string("")
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    /// Validates and skips any value.
    mutating func skipValue() throws(MalformedBodyError) {
        switch try peekValue() {
        case UInt8(ascii: "{"):
            try enter()
            if !consume(UInt8(ascii: "}")) {
                repeat {
                    skipWhitespace()
                    _ = try string()
                    try expect(UInt8(ascii: ":"))
                    try skipValue()
                } while consume(UInt8(ascii: ","))
                try expect(UInt8(ascii: "}"))
            }
            leave()
        case UInt8(ascii: "["):
            try enter()
            if !consume(UInt8(ascii: "]")) {
                repeat { try skipValue() } while consume(UInt8(ascii: ","))
                try expect(UInt8(ascii: "]"))
            }
            leave()
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try number()
        }
    }

    /// Steps into an array or object (the scanner is at its bracket).
    mutating func enter() throws(MalformedBodyError) {
        guard depth < Self.maximumDepth else { throw malformed("arrays and objects nested deeper than \(Self.maximumDepth)") }
        depth += 1
        offset += 1
    }

    /// Steps out of an array or object (the scanner is after its closing bracket).
    mutating func leave() { depth -= 1 }

    private mutating func literal(_ word: StaticString) throws(MalformedBodyError) {
        let length = word.utf8CodeUnitCount
        guard offset + length <= bytes.count,
              (0..<length).allSatisfy({ bytes[offset + $0] == word.utf8Start[$0] }) else {
            throw malformed("invalid literal")
        }
        offset += length
    }

    /// A number by the JSON grammar `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`: an integer
    /// when it is whole and fits in `Int` (`7`, `7.0`, `1e2`), else a finite Double, as
    /// `JSONDecoder` decodes a `RawValue`.
    ///
    /// Integers of at most 18 digits are converted from their digits; other numbers by the
    /// core's correctly rounded parser (`DecimalText`, which `Double(text)` agrees with), and
    /// longer integers by `Int(text)`.
    mutating func number() throws(MalformedBodyError) -> RawValue {
        let start = offset
        var mantissa: UInt64 = 0  // the digits read so far, exact while there are at most 19
        func digits(_ s: inout JSONScanner, _ mantissa: inout UInt64) -> Int {
            let from = s.offset
            while let b = s.peek(), b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                mantissa = mantissa &* 10 &+ UInt64(b &- UInt8(ascii: "0"))
                s.offset += 1
            }
            return s.offset - from
        }
        let negative = peek() == UInt8(ascii: "-")
        if negative { offset += 1 }
        let leadingZero = peek() == UInt8(ascii: "0")
        let integerDigits = digits(&self, &mantissa)
        guard integerDigits > 0, !(leadingZero && integerDigits > 1) else { throw malformed("invalid number") }
        var fractionDigits = 0
        if peek() == UInt8(ascii: ".") {
            offset += 1
            fractionDigits = digits(&self, &mantissa)
            guard fractionDigits > 0 else { throw malformed("invalid number") }
        }
        var hasExponent = false
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            offset += 1
            hasExponent = true
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { offset += 1 }
            var ignored: UInt64 = 0
            guard digits(&self, &ignored) > 0 else { throw malformed("invalid number") }
        }
        if !hasExponent && fractionDigits == 0 && integerDigits <= 18 {
            return .integer(negative ? -Int(mantissa) : Int(mantissa))
        }
        let token = UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
        if !hasExponent && fractionDigits == 0, let i = Int(String(decoding: token, as: UTF8.self)) { return .integer(i) }
        guard let d = DecimalText.double(token) else { throw malformed("number out of range") }
        if let i = Int(exactly: d) { return .integer(i) }
        return .number(d)
    }

    /// A string (the scanner is at its opening quote), escapes decoded.
    mutating func string() throws(MalformedBodyError) -> String {
        guard peek() == UInt8(ascii: "\"") else { throw malformed("expected a string") }
        offset += 1
        let start = offset
        while let b = peek(), b != UInt8(ascii: "\""), b != UInt8(ascii: "\\") {
            guard b >= 0x20 else { throw malformed("control character in a string") }
            offset += 1
        }
        var text = try utf8(start..<offset)
        while true {
            guard let b = peek() else { throw malformed("unterminated string") }
            offset += 1
            switch b {
            case UInt8(ascii: "\""): return text
            case UInt8(ascii: "\\"): text.unicodeScalars.append(try escape())
            default:
                guard b >= 0x20 else { throw malformed("control character in a string") }
                let from = offset - 1
                while let c = peek(), c != UInt8(ascii: "\""), c != UInt8(ascii: "\\"), c >= 0x20 { offset += 1 }
                text += try utf8(from..<offset)
            }
        }
    }

    /// The bytes in `range` as text; invalid UTF-8 is a malformed body (400), never replaced by
    /// U+FFFD and then reported as a bad field value.
    private func utf8(_ range: Range<Int>) throws(MalformedBodyError) -> String {
        guard let text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self) else {
            throw MalformedBodyError(message: "the request body is not valid JSON: invalid UTF-8 in a string at byte \(range.lowerBound)")
        }
        return text
    }

    /// The character of an escape sequence (the scanner is after its backslash).
    private mutating func escape() throws(MalformedBodyError) -> Unicode.Scalar {
        guard let b = peek() else { throw malformed("unterminated escape") }
        offset += 1
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return Unicode.Scalar(b)
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hex4()
            if (0xD800..<0xDC00).contains(unit) {
                guard consume(UInt8(ascii: "\\")), peek() == UInt8(ascii: "u") else { throw malformed("lone surrogate") }
                offset += 1
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw malformed("lone surrogate") }
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(unit) else { throw malformed("lone surrogate") }
            return scalar
        default: throw malformed("invalid escape")
        }
    }

    private mutating func hex4() throws(MalformedBodyError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let b = peek(), let digit = Self.hexValue(b) else { throw malformed("invalid \\u escape") }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
