#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A malformed line found by `CSVScanner`.
struct CSVSyntaxError: Error, Equatable, Sendable {
    /// What is wrong.
    enum Kind: Equatable, Sendable {
        /// A quoted field has no closing quote on its line.
        case unterminatedQuote
        /// A closing quote is followed by something other than a separator or the line end.
        case textAfterClosingQuote
    }
    var kind: Kind
    /// 1-based line number.
    var line: Int
    /// 1-based field number where the problem is.
    var field: Int

    /// What is wrong, in words, e.g. `unterminated quote`.
    var what: String {
        switch kind {
        case .unterminatedQuote: "unterminated quote"
        case .textAfterClosingQuote: "text after the closing quote"
        }
    }
}

/// What `CSVScanner.next(into:)` found.
enum CSVScanResult: Equatable, Sendable {
    /// A record was read into the caller's `CSVRecord`.
    case record
    /// The line was malformed; the scanner has moved past it.
    case malformed(CSVSyntaxError)
    /// No more lines.
    case end
}

/// A byte-level CSV scanner: one record per line, fields as byte ranges, no allocation per field.
///
/// Dialect: one separator byte (`;`, `,` or tab), optional double quotes around a field with
/// `""` for a quote inside, LF or CRLF line ends, blank lines skipped. A quoted field cannot
/// span lines: BAAC files never do that, and it keeps an unterminated quote an error of its
/// own line (so a bad row never swallows the rest of the file).
struct CSVScanner {
    /// The bytes being scanned (a whole file or one chunk of it).
    let bytes: UnsafeBufferPointer<UInt8>
    /// The field separator.
    let separator: UInt8
    /// Offset of the next byte to read.
    private(set) var offset: Int
    /// Line number of the next line to read.
    private(set) var line: Int

    static let quote = UInt8(ascii: "\"")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    /// Creates a scanner over `bytes`, starting at `offset`, numbering lines from `line`.
    init(bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, offset: Int = 0, line: Int = 1) {
        self.bytes = bytes
        self.separator = separator
        self.offset = offset
        self.line = line
    }

    /// Reads the next non-blank line into `record`.
    mutating func next(into record: inout CSVRecord) -> CSVScanResult {
        guard let base = bytes.baseAddress else { return .end }
        let total = bytes.count
        while offset < total {
            let lineStart = offset
            var lineEnd = total
            if let nl = memchr(base + lineStart, Int32(Self.newline), total - lineStart) {
                lineEnd = base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                offset = lineEnd + 1
            } else {
                offset = total
            }
            let number = line
            line += 1
            if lineEnd > lineStart && base[lineEnd - 1] == Self.carriageReturn { lineEnd -= 1 }
            if lineEnd == lineStart { continue }
            record.line = number
            var split = Self.split(base, lineStart, lineEnd, separator, &record.spans)
            if split.count > record.spans.count {
                record.spans += [CSVFieldSpan](repeating: record.spans[0], count: split.count - record.spans.count)
                split = Self.split(base, lineStart, lineEnd, separator, &record.spans)
            }
            record.count = split.count
            if let kind = split.error {
                return .malformed(CSVSyntaxError(kind: kind, line: number, field: split.count))
            }
            return .record
        }
        return .end
    }

    /// Splits one line into spans; returns the field count (counting past the spans' room)
    /// and, for a malformed line, what is wrong in its last counted field.
    @inline(__always)
    private static func split(_ b: UnsafePointer<UInt8>, _ lineStart: Int, _ lineEnd: Int, _ sep: UInt8,
                              _ spans: inout [CSVFieldSpan]) -> (count: Int, error: CSVSyntaxError.Kind?) {
        spans.withUnsafeMutableBufferPointer { out in
            var i = lineStart, n = 0
            while true {
                var start = i, end = i, quoted = false
                if i < lineEnd && b[i] == quote {
                    quoted = true
                    i += 1
                    start = i
                    while true {
                        while i < lineEnd && b[i] != quote { i += 1 }
                        if i >= lineEnd { return (n + 1, .unterminatedQuote) }
                        if i + 1 < lineEnd && b[i + 1] == quote { i += 2; continue }
                        break
                    }
                    end = i
                    i += 1
                    if i < lineEnd && b[i] != sep { return (n + 1, .textAfterClosingQuote) }
                } else {
                    while i < lineEnd && b[i] != sep { i += 1 }
                    end = i
                }
                if n < out.count { out[n] = CSVFieldSpan(start: start, end: end, quoted: quoted) }
                n += 1
                if i >= lineEnd { return (n, nil) }
                i += 1
            }
        }
    }
}
