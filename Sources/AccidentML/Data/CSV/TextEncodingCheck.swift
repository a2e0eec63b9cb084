/// Checks that a file's bytes are text in an encoding the BAAC reader can use.
///
/// Accepted: UTF-8 (including the double-encoded 2021 files) and, when the bytes are not valid
/// UTF-8, Latin-1 / Windows-1252 (the 2005–2018 files). Rejected: NUL bytes and UTF-16/32 byte
/// order marks (a UTF-16 file has a NUL in every ASCII character), and bytes that are neither
/// valid UTF-8 nor defined in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D). Only ASCII columns
/// are kept by the schema, so no text is transcoded.
enum TextEncodingCheck {
    /// What is wrong with a file's bytes, and at which byte offset.
    struct Problem: Equatable, Sendable {
        enum Kind: Equatable, Sendable {
            /// A UTF-16 or UTF-32 byte order mark.
            case utf16ByteOrderMark
            /// A NUL byte (binary data or UTF-16 without a byte order mark).
            case nulByte
            /// Invalid UTF-8 that is not Windows-1252 either (the byte at the offset).
            case neitherUTF8NorLatin1(UInt8)
        }
        var kind: Kind
        var offset: Int
    }

    /// What one pass over some bytes found; passes over consecutive pieces of a file (cut at
    /// line ends, so no UTF-8 sequence is split) combine with `problem(in:)`.
    struct Scan: Equatable, Sendable {
        /// Offset of the first NUL byte.
        var firstNUL: Int?
        /// Offset of the first byte that starts no valid UTF-8 sequence.
        var firstInvalidUTF8: Int?
        /// Offset of the first byte undefined in Windows-1252.
        var firstUndefinedLatin1: Int?

        /// The same scan with offsets moved by `delta`.
        func shifted(by delta: Int) -> Scan {
            Scan(firstNUL: firstNUL.map { $0 + delta }, firstInvalidUTF8: firstInvalidUTF8.map { $0 + delta },
                 firstUndefinedLatin1: firstUndefinedLatin1.map { $0 + delta })
        }
    }

    /// The first problem in `bytes`, or nil when they are acceptable text.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return Problem(kind: .utf16ByteOrderMark, offset: 0)
        }
        return problem(in: [scan(bytes)], bytes: bytes)
    }

    /// The problem the scans of a file's consecutive pieces reveal, if any (`bytes` is the whole
    /// file, read only to name the offending byte).
    static func problem(in scans: [Scan], bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        if let nul = scans.lazy.compactMap(\.firstNUL).first { return Problem(kind: .nulByte, offset: nul) }
        guard scans.contains(where: { $0.firstInvalidUTF8 != nil }),
              let bad = scans.lazy.compactMap(\.firstUndefinedLatin1).first else { return nil }
        return Problem(kind: .neitherUTF8NorLatin1(bytes[bad]), offset: bad)
    }

    /// Scans `bytes` (eight ASCII bytes at a time when it can); stops at the first NUL.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        var result = Scan()
        let n = bytes.count
        guard let base = bytes.baseAddress else { return result }
        var i = 0
        while i < n {
            if i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let hasHigh = w & 0x8080_8080_8080_8080
                let hasZero = (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080
                if hasHigh == 0 && hasZero == 0 { i += 8; continue }
            }
            let b = base[i]
            if b == 0 { result.firstNUL = i; return result }
            if b < 0x80 { i += 1; continue }
            if result.firstUndefinedLatin1 == nil && isUndefinedInWindows1252(b) { result.firstUndefinedLatin1 = i }
            let length = validUTF8SequenceLength(base, i, n)
            if length == 0 {
                if result.firstInvalidUTF8 == nil { result.firstInvalidUTF8 = i }
                i += 1
            } else {
                for k in 1..<length where result.firstUndefinedLatin1 == nil
                    && isUndefinedInWindows1252(base[i + k]) { result.firstUndefinedLatin1 = i + k }
                i += length
            }
        }
        return result
    }

    /// Whether `b` is one of the five bytes Windows-1252 leaves undefined.
    @inline(__always)
    static func isUndefinedInWindows1252(_ b: UInt8) -> Bool {
        b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D
    }

    /// The length of the valid UTF-8 sequence starting at `i` (a non-ASCII lead byte), or 0.
    @inline(__always)
    static func validUTF8SequenceLength(_ b: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let lead = b[i]
        let length: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return 0
        }
        guard i + length <= n else { return 0 }
        guard b[i + 1] >= lower && b[i + 1] <= upper else { return 0 }
        for k in 2..<max(length, 2) where b[i + k] < 0x80 || b[i + k] > 0xBF { return 0 }
        return length
    }

    /// The 1-based line number of byte `offset` (counts newlines before it; error path only).
    static func lineNumber(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        1 + bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == CSVScanner.newline ? 1 : 0) }
    }
}
