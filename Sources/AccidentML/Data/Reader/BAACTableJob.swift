/// The rows one chunk of a file produced, with line numbers local to the chunk.
struct BAACChunkOutput<Row: Sendable>: Sendable {
    var rows: [Row] = []
    /// Local line of each row (0 = the chunk's first line).
    var lines: [Int32] = []
    /// Bad rows per kind.
    var issueCounts: [BAACRowIssue: Int] = [:]
    /// The first bad rows, with local line numbers.
    var issues: [BAACReadError] = []
    /// Lines consumed (the next chunk's first line is this many lines later).
    var lineCount = 0
    /// What the encoding check found in the chunk (offsets local to the chunk).
    var encoding = TextEncodingCheck.Scan()
}

/// Reads one BAAC file: splits its body into chunks at line ends, decodes them in parallel
/// (`work`), then joins them in order (`merge`) with absolute line numbers.
final class BAACTableJob<Decoder: BAACRowDecoder>: @unchecked Sendable {
    let file: MappedFile
    let header: CSVHeader
    let columns: [Int]
    let decoder: Decoder
    let options: BAACReadOptions
    let chunks: [Range<Int>]
    private let outputs: ParallelSlots<BAACChunkOutput<Decoder.Row>>

    init(file: MappedFile, header: CSVHeader, layout: BAACLayout, decoder: Decoder, options: BAACReadOptions) throws(BAACReadError) {
        self.file = file
        self.header = header
        self.columns = try Decoder.Column.resolve(in: header, file: file.path, layout: layout)
        self.decoder = decoder
        self.options = options
        self.chunks = Self.split(file.buffer, from: header.bodyOffset, target: options.chunkBytes)
        self.outputs = ParallelSlots(count: chunks.count)
    }

    /// Cuts `bytes[start...]` into ranges of about `target` bytes, each ending after a newline.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, target: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var lower = start
        while lower < bytes.count {
            var upper = min(lower + target, bytes.count)
            if upper < bytes.count {
                upper = (bytes[(upper - 1)...].firstIndex(of: CSVScanner.newline) ?? bytes.count - 1) + 1
            }
            ranges.append(lower..<upper)
            lower = upper
        }
        return ranges
    }

    /// One work item per chunk.
    var work: [@Sendable () -> Void] {
        chunks.indices.map { k in { self.outputs.set(k, self.decode(chunk: k)) } }
    }

    /// Decodes one chunk; stops at its first bad row unless bad rows are skipped.
    func decode(chunk k: Int) -> BAACChunkOutput<Decoder.Row> {
        let bytes = UnsafeBufferPointer(rebasing: file.buffer[chunks[k]])
        var scanner = CSVScanner(bytes: bytes, separator: header.separator, offset: 0, line: 0)
        var record = CSVRecord(capacity: header.names.count + 1)
        var out = BAACChunkOutput<Decoder.Row>()
        out.encoding = TextEncodingCheck.scan(bytes)
        out.rows.reserveCapacity(bytes.count / 48)
        out.lines.reserveCapacity(bytes.count / 48)
        let limit = options.skipBadRows ? options.maxExamples : 1
        scan: while true {
            let problem: BAACReadError
            switch scanner.next(into: &record) {
            case .end:
                break scan
            case .malformed(let error):
                problem = .malformedRow(file: file.path, line: error.line, detail: describe(error))
            case .record where record.count != header.names.count:
                problem = .malformedRow(file: file.path, line: record.line,
                                        detail: "\(record.count) fields, the header has \(header.names.count)")
            case .record:
                do {
                    let row = try record.spans.withUnsafeBufferPointer { spans throws(BAACFieldError) in
                        try columns.withUnsafeBufferPointer { columns throws(BAACFieldError) in
                            try decoder.decode(BAACRow(bytes: bytes, spans: spans, columns: columns))
                        }
                    }
                    out.rows.append(row)
                    out.lines.append(Int32(truncatingIfNeeded: record.line))
                    continue scan
                } catch {
                    problem = .invalidValue(file: file.path, line: record.line, column: header.names[error.column],
                                            value: Self.excerpt(record.field(error.column, in: bytes)),
                                            expected: error.expected)
                }
            }
            out.issueCounts[problem.rowIssue!, default: 0] += 1
            if out.issues.count < limit { out.issues.append(problem) }
            if !options.skipBadRows { break scan }
        }
        out.lineCount = scanner.line
        return out
    }

    /// The text of a syntax error, naming the field's column.
    private func describe(_ error: CSVSyntaxError) -> String {
        let column = error.field <= header.names.count ? " ('\(header.names[error.field - 1])')" : ""
        return "\(error.what) \(error.kind == .unterminatedQuote ? "in" : "of") field \(error.field)\(column)"
    }

    /// A field's text for a message, cut to 40 characters.
    static func excerpt(_ field: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: field, as: UTF8.self)
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    /// Joins the chunks in order: rows and their absolute line numbers. Throws an encoding
    /// problem of the file, then the first bad row unless bad rows are skipped, in which case
    /// they are counted in `report`.
    func merge(into report: inout BAACReadReport) throws(BAACReadError) -> (rows: [Decoder.Row], lines: [Int32]) {
        let scans = (0..<outputs.count).map { outputs[$0].encoding.shifted(by: chunks[$0].lowerBound) }
        if let problem = TextEncodingCheck.problem(in: scans, bytes: file.buffer) {
            throw BAACReadError.wrongEncoding(file.path, problem, in: file.buffer)
        }
        var rows: [Decoder.Row] = [], lines: [Int32] = []
        let total = (0..<outputs.count).reduce(0) { $0 + outputs[$1].rows.count }
        rows.reserveCapacity(total)
        lines.reserveCapacity(total)
        var base = header.bodyLine
        for k in 0..<outputs.count {
            let out = outputs[k]
            if let first = out.issues.first, !options.skipBadRows { throw first.shiftingLine(by: base) }
            for (issue, count) in out.issueCounts { report.skippedRows[file.path, default: [:]][issue, default: 0] += count }
            for issue in out.issues where report.examples.count < options.maxExamples {
                report.examples.append(issue.shiftingLine(by: base))
            }
            rows += out.rows
            let shift = Int32(base)
            for line in out.lines { lines.append(line + shift) }
            base += out.lineCount
        }
        return (rows, lines)
    }
}
