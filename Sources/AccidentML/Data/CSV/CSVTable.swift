/// A value of a CSV cell, as every reader of the project types it.
package enum CSVCellValue: Equatable, Sendable {
    /// An empty (or all-space) cell: a missing value.
    case empty
    /// An optionally signed decimal integer (`2021`, `-1`, `007`).
    case integer(Int64)
    /// A decimal number within the models' (Float) range (`80.5`, `1e-05`); hexadecimal, `inf`,
    /// `nan` and values beyond ±3.4e38 are not numbers here.
    case number(Double)
    /// Anything else (`2A`, `17:45`), `""` escapes undone, spaces trimmed.
    case text(String)
}

/// A small CSV text read with the project's one dialect (`CSVScanner`, `CSVHeader`, `ByteNumber`):
/// the server's `text/csv` batches use it, so a cell means the same there as in `train`.
package enum CSVTable {
    /// What makes a CSV text unusable, with the line it is on.
    package enum Problem: Error, Equatable, Sendable {
        /// No non-blank line.
        case empty
        /// A header name appears twice.
        case repeatedColumn(name: String)
        /// A line that does not scan (quotes), or has another cell count than the header.
        case malformedLine(line: Int, detail: String)
    }

    /// Reads the header (separator detected among `;`, `,`, tab) and calls `row` with each data
    /// line's number and typed cells, as many as the header's names.
    package static func forEachRow(_ bytes: UnsafeBufferPointer<UInt8>, header: ([String]) throws -> Void,
                                   row: (_ line: Int, _ cells: [CSVCellValue]) throws -> Void) throws {
        let head: CSVHeader
        do { head = try CSVHeader.read(bytes) } catch {
            switch error {
            case .empty: throw Problem.empty
            case .malformed(let e): throw Problem.malformedLine(line: e.line, detail: "\(e.what) in field \(e.field)")
            }
        }
        if let name = head.repeatedName { throw Problem.repeatedColumn(name: name) }
        try header(head.names)
        var scanner = CSVScanner(bytes: bytes, separator: head.separator, offset: head.bodyOffset, line: head.bodyLine)
        var record = CSVRecord(capacity: head.names.count + 1)
        var cells: [CSVCellValue] = []
        cells.reserveCapacity(head.names.count)
        while true {
            switch scanner.next(into: &record) {
            case .end: return
            case .malformed(let e): throw Problem.malformedLine(line: e.line, detail: "\(e.what) in field \(e.field)")
            case .record:
                guard record.count == head.names.count else {
                    throw Problem.malformedLine(line: record.line,
                                                detail: "\(record.count) cells, the header has \(head.names.count)")
                }
                cells.removeAll(keepingCapacity: true)
                for k in 0..<record.count { cells.append(value(record, k, in: bytes)) }
                try row(record.line, cells)
            }
        }
    }

    /// The typed value of field `k`: empty, integer, number in Float range, else text.
    static func value(_ record: CSVRecord, _ k: Int, in bytes: UnsafeBufferPointer<UInt8>) -> CSVCellValue {
        let field = record.field(k, in: bytes)
        if case .value(let i) = ByteNumber.integer(field) { return .integer(i) }
        switch ByteNumber.decimal(field) {
        case .empty: return .empty
        case .value(let d) where ByteNumber.fitsFloat(d): return .number(d)
        case .value, .invalid:
            let text = record.text(k, in: bytes)
            let trimmed = text.drop { $0 == " " || $0 == "\t" }
            return .text(String(trimmed.reversed().drop { $0 == " " || $0 == "\t" }.reversed()))
        }
    }
}
