import Hummingbird
/// Decodes a `text/csv` batch: a header line of BAAC field names, then one record per line.
///
/// Cells are plain numbers; an empty cell is missing. Surrounding spaces and double quotes
/// are trimmed, but quoted cells may not contain commas or line breaks (no field needs them).
/// Lines end with LF or CRLF; blank lines are skipped; a UTF-8 byte order mark is ignored.
enum CSVRecords {
    static func decode(_ body: ByteBuffer, schema: RecordSchema, maxCount: Int) throws -> [PredictionRecord] {
        try body.withUnsafeReadableBytes { bytes in
            var lines = Lines(bytes: bytes)
            guard let header = lines.next() else {
                throw MalformedBodyError(message: "the CSV body is empty; expected a header line of field names")
            }
            let columns = try columnPositions(cells(header.text), schema: schema)
            var records: [PredictionRecord] = []
            while let line = lines.next() {
                guard records.count < maxCount else { throw BatchTooLargeError(count: nil, limit: maxCount) }
                let row = cells(line.text)
                guard row.count == columns.count else {
                    throw MalformedBodyError(message: "CSV line \(line.number) has \(row.count) cells; the header has \(columns.count)")
                }
                records.append(try record(row, columns: columns, schema: schema, recordIndex: records.count))
            }
            return records
        }
    }

    /// The schema position of each header column.
    private static func columnPositions(_ names: [Substring], schema: RecordSchema) throws -> [Int] {
        var positions: [Int] = []
        for name in names {
            guard let p = schema.positions[String(name)] else {
                throw BodyShapeError(message: "unknown CSV column; this model accepts \(schema.fieldList)", field: String(name))
            }
            guard !positions.contains(p) else {
                throw BodyShapeError(message: "the CSV column appears twice in the header", field: String(name))
            }
            positions.append(p)
        }
        for (i, field) in schema.fields.enumerated() where field.isRequired && !positions.contains(i) {
            throw BodyShapeError(message: "missing required CSV column", field: field.name)
        }
        return positions
    }

    private static func record(_ row: [Substring], columns: [Int], schema: RecordSchema,
                               recordIndex: Int) throws -> PredictionRecord {
        var values = [Double](repeating: .nan, count: schema.fields.count)
        for (cell, position) in zip(row, columns) {
            let field = schema.fields[position]
            var raw: Double? = nil
            if !cell.isEmpty {
                guard let number = Double(cell) else {
                    throw RecordValidationError(recordIndex: recordIndex, field: field.name,
                                                message: "expected a number (\(field.type.rawValue)), found '\(cell)'")
                }
                raw = number
            }
            do {
                values[position] = try field.normalised(raw)
            } catch {
                throw RecordValidationError(recordIndex: recordIndex, field: field.name, message: error.message)
            }
        }
        try schema.checkRequired(values, recordIndex: recordIndex)
        return PredictionRecord(values: values)
    }

    /// The trimmed, unquoted cells of one line.
    private static func cells(_ line: Substring) -> [Substring] {
        line.split(separator: ",", omittingEmptySubsequences: false).map { cell in
            var c = cell.drop { $0 == " " || $0 == "\t" }
            while let last = c.last, last == " " || last == "\t" { c = c.dropLast() }
            if c.count >= 2, c.first == "\"", c.last == "\"" { c = c.dropFirst().dropLast() }
            return c
        }
    }

    /// The non-blank lines of a body with their 1-based line numbers.
    private struct Lines {
        var rest: Substring
        var number = 0

        init(bytes: UnsafeRawBufferPointer) {
            let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            rest = Substring(String(decoding: bytes[bom...], as: UTF8.self))
        }

        mutating func next() -> (number: Int, text: Substring)? {
            while !rest.isEmpty {
                number += 1
                // "\r\n" is one Character in Swift, and a newline like "\n".
                let end = rest.firstIndex { $0.isNewline } ?? rest.endIndex
                let line = rest[..<end]
                rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
                if !line.allSatisfy({ $0 == " " || $0 == "\t" }) { return (number, line) }
            }
            return nil
        }
    }
}
