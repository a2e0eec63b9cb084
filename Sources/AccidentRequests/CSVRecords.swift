import AccidentML
import NIOCore

/// Decodes a `text/csv` batch of flat records: a header line of field names, then one record
/// per line.
///
/// The CSV dialect and the cell types are the core's (`CSVTable`, as `train` reads files):
/// separator `,` (or `;`, tab, detected on the header), double quotes with `""` inside, LF or
/// CRLF, blank lines skipped, a UTF-8 byte order mark ignored. A cell becomes an integer, else a
/// decimal number within Float's range, else a string (`2A`, `17:45`); an empty cell is `null`
/// (missing). The model validates the values, as for JSON.
package enum CSVRecords {
    package static func decode(_ body: ByteBuffer, fields: [InputField], maxCount: Int) throws -> [RawRecord] {
        var records: [RawRecord] = []
        try forEachRow(body, fields: fields, maxCount: maxCount) { names, cells in
            var record = RawRecord()
            for (name, cell) in zip(names, cells) { record[name] = value(cell) }
            records.append(record)
        }
        return records
    }

    /// Checks the header and hands each data line's cells to `row`, with the header's names
    /// (as many, in the same order); throws for a bad header, a malformed line or too many lines
    /// before or after `row` saw the lines before them.
    static func forEachRow(_ body: ByteBuffer, fields: [InputField], maxCount: Int,
                           _ row: (_ names: [String], _ cells: [CSVCellValue]) throws -> Void) throws {
        try body.withUnsafeReadableBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var names: [String] = []
            var count = 0
            do {
                try CSVTable.forEachRow(bytes, header: { header in names = try columnNames(header, fields: fields) }) { _, cells in
                    guard count < maxCount else { throw BatchTooLargeError(count: nil, limit: maxCount) }
                    try row(names, cells)
                    count += 1
                }
            } catch let problem as CSVTable.Problem {
                switch problem {
                case .empty:
                    throw MalformedBodyError(message: "the CSV body is empty; expected a header line of field names")
                case .repeatedColumn(let name):
                    throw BodyShapeError(message: "the CSV column appears twice in the header", field: name)
                case .malformedLine(let line, let detail):
                    throw MalformedBodyError(message: "CSV line \(line): \(detail)")
                }
            }
        }
    }

    /// The header's field names, checked: known, flat, every required one present.
    private static func columnNames(_ header: [String], fields: [InputField]) throws -> [String] {
        let byName = Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in header {
            guard let field = byName[name] else {
                throw BodyShapeError(message: "unknown CSV column; this model accepts "
                                     + fields.map(\.name).joined(separator: ", "), field: name)
            }
            guard field.kind.isFlat else {
                throw BodyShapeError(message: "this field holds a list, which a CSV cell cannot: send the batch as JSON",
                                     field: name)
            }
        }
        if let missing = fields.first(where: { $0.required && !header.contains($0.name) }) {
            throw BodyShapeError(message: "missing required CSV column", field: missing.name)
        }
        return header
    }

    /// A cell's value for the model: empty → null, integer, number, or text.
    static func value(_ cell: CSVCellValue) -> RawValue {
        switch cell {
        case .empty: .null
        case .integer(let i): .integer(Int(i))
        case .number(let d): .number(d)
        case .text(let s): .string(s)
        }
    }
}
