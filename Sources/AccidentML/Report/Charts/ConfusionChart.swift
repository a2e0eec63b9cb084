/// The validation confusion matrix as a shaded table: counts and row-normalised shares, so the
/// diagonal reads as each class's recall whatever its size.
enum ConfusionChart {
    static let id = "confusion-matrix"

    static func svg(_ table: TrainingReport.ConfusionTable) -> SVGNode {
        let label = "Confusion matrix of validation rows: actual class in rows, predicted class in columns"
        let n = table.labels.count
        let labelWidth = Double(min(table.labels.map(\.count).max() ?? 4, 22)) * 7 + 10
        let noteWidth = 70.0
        let cellWidth = min(120, (540 - HeatMapGrid.leftMargin(labelWidth: labelWidth) - noteWidth) / Double(n)), cellHeight = 58.0
        let grid = HeatMapGrid(
            rowLabels: table.labels, columnLabels: table.labels,
            cells: (0..<n).map { a in
                (0..<n).map { p in
                    let share = table.rowShare(actual: a, predicted: p)
                    return HeatMapGrid.Cell(
                        shade: share.isFinite ? share : 0,
                        lines: [SVGNumber.grouped(table.counts[a][p]), SVGNumber.percent(share)],
                        tooltip: "actual \(table.labels[a]), predicted \(table.labels[p]): "
                            + "\(SVGNumber.grouped(table.counts[a][p])) rows, \(SVGNumber.percent(share)) of the actual \(table.labels[a]) rows")
                }
            },
            rowTitle: "actual class", columnTitle: "predicted class (most probable)",
            rowNotes: table.counts.map { "\(SVGNumber.grouped($0.reduce(0, +))) rows" })
        let used = HeatMapGrid.leftMargin(labelWidth: labelWidth) + cellWidth * Double(n) + noteWidth
        let headerLines = table.labels.map { HeatMapGrid.wrapped($0, width: cellWidth - 6).count }.max() ?? 1
        let height = HeatMapGrid.headerHeight(lines: headerLines) + cellHeight * Double(n) + 12
        return .document(id: id, width: 540, height: height, label: label,
                         children: grid.nodes(x: max(0, (540 - used) / 2), y: 0, cellWidth: cellWidth, cellHeight: cellHeight,
                                              labelWidth: labelWidth))
    }
}
