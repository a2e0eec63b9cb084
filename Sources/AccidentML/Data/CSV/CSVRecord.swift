/// Where one field lies in the scanned bytes: a byte range, never a String.
struct CSVFieldSpan: Sendable, Equatable {
    /// Offset of the field's first byte (after an opening quote).
    var start: Int
    /// Offset just past the field's last byte (before a closing quote).
    var end: Int
    /// Whether the field was quoted (its bytes may then hold `""` escapes).
    var quoted: Bool
}

/// One scanned line: its number and its fields' byte ranges, reused from row to row.
///
/// The span storage keeps its capacity between rows, so scanning allocates only when a
/// line is wider than every line before it.
struct CSVRecord: Sendable {
    /// 1-based line number of the record in its file.
    var line = 0
    /// Number of fields in the record.
    var count = 0
    /// The spans; only the first `count` are meaningful.
    var spans: [CSVFieldSpan]

    /// Creates an empty record with room for `capacity` fields.
    init(capacity: Int = 32) {
        spans = [CSVFieldSpan](repeating: CSVFieldSpan(start: 0, end: 0, quoted: false), count: max(capacity, 1))
    }

    /// The bytes of field `index` inside `bytes` (the buffer the record was scanned from).
    @inline(__always)
    func field(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let s = spans[index]
        return UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + s.start }, count: s.end - s.start)
    }

    /// The text of field `index`, `""` escapes undone (allocates: headers and messages only).
    func text(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let raw = String(decoding: field(index, in: bytes), as: UTF8.self)
        return spans[index].quoted ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    /// Every field's text (allocates: headers and tests only).
    func texts(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        (0..<count).map { text($0, in: bytes) }
    }
}
