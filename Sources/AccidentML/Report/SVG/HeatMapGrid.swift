/// A table drawn as shaded cells: row and column headers, each cell coloured by a value in
/// [0, 1] on a `ColorRamp`, with up to two lines of text and a tooltip.
struct HeatMapGrid {
    struct Cell {
        var shade: Double
        var lines: [String]
        var tooltip: String
    }

    var rowLabels: [String]
    var columnLabels: [String]
    var cells: [[Cell]]
    var rowTitle: String
    var columnTitle: String
    /// Text right of each row (e.g. its total); empty for none.
    var rowNotes: [String] = []
    var ramp = ColorRamp.blues

    /// Height above the cells for the column title and headers of `lines` lines.
    static func headerHeight(lines: Int) -> Double { 26 + 14 * Double(lines) }

    /// A header on one line, or on two split at the space nearest its middle when it is wider
    /// than `width` (at 6.6 px per character, the 12 px header font).
    static func wrapped(_ label: String, width: Double) -> [String] {
        let spaces = label.indices.filter { label[$0] == " " }
        guard Double(label.count) * 6.6 > width, !spaces.isEmpty else { return [label] }
        let middle = label.count / 2
        let split = spaces.min { abs(label.distance(from: label.startIndex, to: $0) - middle)
            < abs(label.distance(from: label.startIndex, to: $1) - middle) }!
        return [String(label[..<split]), String(label[label.index(after: split)...])]
    }

    /// Width taken left of the cells by the row title and labels.
    static func leftMargin(labelWidth: Double) -> Double { labelWidth + 24 }

    /// The grid at (`x`, `y`) with cells of the given size; row labels take `labelWidth` on the left.
    func nodes(x: Double, y: Double, cellWidth: Double, cellHeight: Double, labelWidth: Double) -> [SVGNode] {
        let headers = columnLabels.map { Self.wrapped($0, width: cellWidth - 6) }
        let headerLines = headers.map(\.count).max() ?? 1
        let gridTop = y + Self.headerHeight(lines: headerLines), gridLeft = x + Self.leftMargin(labelWidth: labelWidth)
        var nodes: [SVGNode] = [
            .label(columnTitle, x: gridLeft + cellWidth * Double(columnLabels.count) / 2, y: y + 12,
                   anchor: "middle", cssClass: "axis-title"),
        ]
        let rowTitleY = gridTop + cellHeight * Double(rowLabels.count) / 2
        nodes.append(.label(rowTitle, x: x + 10, y: rowTitleY, anchor: "middle", cssClass: "axis-title",
                            extra: [("transform", "rotate(-90 \(SVGNumber.text(x + 10)) \(SVGNumber.text(rowTitleY)))")]))
        for (j, lines) in headers.enumerated() {
            for (k, line) in lines.enumerated() {
                nodes.append(.label(line, x: gridLeft + (Double(j) + 0.5) * cellWidth, y: gridTop - 8 - Double(lines.count - 1 - k) * 14,
                                    anchor: "middle", cssClass: "header"))
            }
        }
        for (i, label) in rowLabels.enumerated() {
            let top = gridTop + Double(i) * cellHeight
            nodes.append(.label(label, x: gridLeft - 8, y: top + cellHeight / 2 + 4, anchor: "end", cssClass: "header"))
            if i < rowNotes.count {
                nodes.append(.label(rowNotes[i], x: gridLeft + cellWidth * Double(columnLabels.count) + 8,
                                    y: top + cellHeight / 2 + 4, cssClass: "value"))
            }
            for (j, cell) in cells[i].enumerated() {
                let left = gridLeft + Double(j) * cellWidth
                nodes.append(.rect(x: left, y: top, width: cellWidth, height: cellHeight,
                                   extra: [("fill", ramp.color(cell.shade)), ("class", "cell")], tooltip: cell.tooltip))
                let textClass = ramp.needsLightText(cell.shade) ? "cell-text light" : "cell-text"
                let firstLine = top + cellHeight / 2 - Double(cell.lines.count - 1) * 8 + 4
                for (k, line) in cell.lines.enumerated() {
                    nodes.append(.label(line, x: left + cellWidth / 2, y: firstLine + Double(k) * 16, anchor: "middle",
                                        cssClass: k == 0 ? textClass + " strong" : textClass))
                }
            }
        }
        return nodes
    }
}
