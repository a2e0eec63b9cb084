/// The first line of a CSV file: where data starts, the separator and the column names.
struct CSVHeader: Sendable, Equatable {
    /// The field separator detected on the header line.
    var separator: UInt8
    /// Column names, unquoted and trimmed, in file order.
    var names: [String]
    /// Offset of the first byte after the header line.
    var bodyOffset: Int
    /// Line number of the first line after the header.
    var bodyLine: Int

    /// The separators the detection chooses from, in order of preference on a tie.
    static let candidateSeparators: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t")]

    /// Why a header could not be read.
    enum Problem: Error, Equatable {
        /// The file has no non-blank line.
        case empty
        /// The header line itself is malformed.
        case malformed(CSVSyntaxError)
    }

    /// The first column name that appears twice, or nil: a repeated column is ambiguous (which
    /// one holds the values?), so the readers of generic CSV refuse it.
    var repeatedName: String? {
        var seen = Set<String>()
        return names.first { !seen.insert($0).inserted }
    }

    /// Reads the header of `bytes`: skips a UTF-8 byte order mark and blank lines, picks the
    /// candidate separator that occurs most often outside quotes (`fallback` when none does,
    /// i.e. a one-column file), and splits the line.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, fallback: UInt8 = UInt8(ascii: ",")) throws(Problem) -> CSVHeader {
        let bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var firstLine = bomLength..<bomLength
        var lineNumber = 1
        var cursor = bomLength
        while cursor < bytes.count {
            var end = bytes[cursor...].firstIndex(of: CSVScanner.newline) ?? bytes.count
            let next = end + 1
            if end > cursor && bytes[end - 1] == CSVScanner.carriageReturn { end -= 1 }
            if end > cursor { firstLine = cursor..<end; break }
            cursor = next
            lineNumber += 1
        }
        guard !firstLine.isEmpty else { throw .empty }
        let separator = detectSeparator(UnsafeBufferPointer(rebasing: bytes[firstLine])) ?? fallback
        var scanner = CSVScanner(bytes: bytes, separator: separator, offset: firstLine.lowerBound, line: lineNumber)
        var record = CSVRecord()
        switch scanner.next(into: &record) {
        case .malformed(let error): throw .malformed(error)
        case .end: throw .empty
        case .record: break
        }
        let names = record.texts(in: bytes).map { $0.trimmingASCIISpaces() }
        return CSVHeader(separator: separator, names: names, bodyOffset: scanner.offset, bodyLine: scanner.line)
    }

    /// The candidate separator occurring most often outside quotes in `line`, or nil.
    static func detectSeparator(_ line: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var counts = [Int](repeating: 0, count: candidateSeparators.count)
        var inQuotes = false
        for b in line {
            if b == CSVScanner.quote { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if let k = candidateSeparators.firstIndex(of: b) { counts[k] += 1 }
        }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }),
              counts[best] > 0 else { return nil }
        return candidateSeparators[best]
    }

    /// The index of the column named `name` (ASCII case-insensitive), or nil.
    func index(of name: String) -> Int? {
        let wanted = name.lowercased()
        return names.firstIndex { $0.lowercased() == wanted }
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces and tabs.
    func trimmingASCIISpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
