/// A plain-text table: a header, aligned columns (the first left, the others right), rows.
struct Table {
    /// Column titles.
    var header: [String]
    /// Rows, each with one cell per column (a shorter row leaves its last cells empty).
    var rows: [[String]] = []

    /// Adds a row.
    mutating func add(_ cells: [String]) { rows.append(cells) }

    /// The table as lines: header, a rule, the rows; two spaces between columns.
    func rendered(indent: String = "  ") -> String {
        let width = header.count
        let cells = ([header] + rows).map { row in (0..<width).map { $0 < row.count ? row[$0] : "" } }
        let widths = (0..<width).map { c in cells.map { $0[c].count }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            let padded = row.enumerated().map { c, text in
                let pad = String(repeating: " ", count: widths[c] - text.count)
                return c == 0 ? text + pad : pad + text
            }
            var text = indent + padded.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        let rule = indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(cells[0]), rule] + cells.dropFirst().map(line)).joined(separator: "\n") + "\n"
    }
}
