/// The plain version of `CSVScanner`, the specification its tests compare against.
extension CSVScanner {
    /// One line as the reference reads it: its number and its unescaped fields, or the error.
    struct ReferenceLine: Equatable {
        var line: Int
        var fields: [[UInt8]]
        var error: CSVSyntaxError?
    }

    /// Splits `bytes` line by line with a character-at-a-time state machine: same dialect as
    /// the scanner (LF or CRLF, blank lines skipped, quoted fields on one line, `""` escapes).
    static func referenceLines(_ bytes: [UInt8], separator: UInt8) -> [ReferenceLine] {
        var result: [ReferenceLine] = []
        var lines = bytes.split(separator: newline, omittingEmptySubsequences: false).map(Array.init)
        if bytes.last == newline { lines.removeLast() }
        for (index, rawLine) in lines.enumerated() {
            var line = rawLine
            if line.last == carriageReturn { line.removeLast() }
            if line.isEmpty { continue }
            var fields: [[UInt8]] = [[]]
            var error: CSVSyntaxError? = nil
            var i = 0
            var atFieldStart = true, inQuotes = false, closed = false
            while i < line.count && error == nil {
                let b = line[i]
                if inQuotes {
                    if b == quote && i + 1 < line.count && line[i + 1] == quote { fields[fields.count - 1].append(quote); i += 1 }
                    else if b == quote { inQuotes = false; closed = true }
                    else { fields[fields.count - 1].append(b) }
                } else if b == separator {
                    fields.append([]); atFieldStart = true; closed = false
                    i += 1
                    continue
                } else if closed {
                    error = CSVSyntaxError(kind: .textAfterClosingQuote, line: index + 1, field: fields.count)
                } else if b == quote && atFieldStart {
                    inQuotes = true
                } else {
                    fields[fields.count - 1].append(b)
                }
                atFieldStart = false
                i += 1
            }
            if error == nil && inQuotes {
                error = CSVSyntaxError(kind: .unterminatedQuote, line: index + 1, field: fields.count)
            }
            result.append(ReferenceLine(line: index + 1, fields: error == nil ? fields : [], error: error))
        }
        return result
    }
}
