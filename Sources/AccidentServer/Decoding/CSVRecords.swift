import AccidentML
import Hummingbird

/// Decodes a `text/csv` batch of flat records: a header line of field names, then one record
/// per line.
///
/// A cell becomes a JSON-like value: an integer, else a number, else a string (`2A`, `17:45`);
/// an empty cell is `null` (missing). Surrounding spaces and double quotes are trimmed, but
/// quoted cells may not contain commas or line breaks (no field needs them). Lines end with LF
/// or CRLF; blank lines are skipped; a UTF-8 byte order mark is ignored. The model validates
/// the values, as for JSON.
enum CSVRecords {
    static func decode(_ body: ByteBuffer, fields: [InputField], maxCount: Int) throws -> [RawRecord] {
        var records: [RawRecord] = []
        try forEachRow(body, fields: fields, maxCount: maxCount) { names, cells in
            var record = RawRecord()
            for (name, cell) in zip(names, cells) { record[name] = value(cell) }
            records.append(record)
        }
        return records
    }

    /// Checks the header and hands each data line's cells to `row`, with the header's names
    /// (as many, in the same order); throws for a bad header, a ragged line or too many lines
    /// before or after `row` saw the lines before them.
    static func forEachRow(_ body: ByteBuffer, fields: [InputField], maxCount: Int,
                           _ row: (_ names: [String], _ cells: [Substring]) throws -> Void) throws {
        try body.withUnsafeReadableBytes { bytes in
            var lines = Lines(bytes: bytes)
            guard let header = lines.next() else {
                throw MalformedBodyError(message: "the CSV body is empty; expected a header line of field names")
            }
            let names = try columnNames(cells(header.text), fields: fields)
            var count = 0
            while let line = lines.next() {
                guard count < maxCount else { throw BatchTooLargeError(count: nil, limit: maxCount) }
                let cells = cells(line.text)
                guard cells.count == names.count else {
                    throw MalformedBodyError(message: "CSV line \(line.number) has \(cells.count) cells; the header has \(names.count)")
                }
                try row(names, cells)
                count += 1
            }
        }
    }

    /// The header's field names, checked: known, flat, not repeated, every required one present.
    private static func columnNames(_ header: [Substring], fields: [InputField]) throws -> [String] {
        let byName = Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var names: [String] = []
        for cell in header {
            let name = String(cell)
            guard let field = byName[name] else {
                throw BodyShapeError(message: "unknown CSV column; this model accepts "
                                     + fields.map(\.name).joined(separator: ", "), field: name)
            }
            guard field.kind.isFlat else {
                throw BodyShapeError(message: "this field holds a list, which a CSV cell cannot: send the batch as JSON",
                                     field: name)
            }
            guard !names.contains(name) else {
                throw BodyShapeError(message: "the CSV column appears twice in the header", field: name)
            }
            names.append(name)
        }
        if let missing = fields.first(where: { $0.required && !names.contains($0.name) }) {
            throw BodyShapeError(message: "missing required CSV column", field: missing.name)
        }
        return names
    }

    /// A cell's value: empty → null, then integer, finite number, or text.
    static func value(_ cell: Substring) -> RawValue {
        if cell.isEmpty { return .null }
        if let i = Int(cell) { return .integer(i) }
        if let d = Double(cell), d.isFinite { return .number(d) }
        return .string(String(cell))
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
