/// Observed against predicted severe share per département, circles sized by rows: the map's
/// numbers as a calibration check by place.
enum DepartementScatterChart {
    static let id = "departement-calibration"
    static let labelled = 8

    static func svg(_ table: TrainingReport.SeverityByDepartement) -> SVGNode {
        let label = "Observed against predicted severe share by département"
        let rows = table.departements.filter { $0.predictedShare.isFinite && $0.observedShare.isFinite }
        guard !rows.isEmpty else {
            return ChartNote.empty(id: id, label: label, message: "No département is known for the validation rows.")
        }
        let values = rows.flatMap { [$0.predictedShare, $0.observedShare] }
        let ticks = NiceTicks(covering: max(0, values.min()!), min(1, values.max()!), count: 6)
        let frame = PlotFrame(left: 70, top: 40, width: 440, height: 380, xTicks: ticks, yTicks: ticks)
        let percent = { (v: Double) in SVGNumber.percent(v, decimals: max(0, ticks.decimals - 2)) }
        var nodes = frame.axes(xTitle: "predicted severe share (mean probability)", yTitle: "observed severe share",
                               xLabel: percent, yLabel: percent)
        nodes.append(frame.diagonal())
        let largest = rows.map(\.count).max() ?? 1
        let ordered = rows.sorted(by: RiskMapChart.drawOrder)
        for row in ordered {
            nodes.append(SVGMarks.bubble(x: row.predictedShare, y: row.observedShare,
                                         radius: SVGMarks.areaRadius(row.count, largest: largest, maxRadius: 14, minRadius: 2),
                                         in: frame, fill: SeriesColors.color(0), tooltip: RiskMapChart.tooltip(row)))
        }
        // Codes of the largest départements, right of their circle, skipping any that would overlap a label already placed.
        var placed: [(x: Double, y: Double)] = []
        for row in ordered.prefix(labelled) {
            let r = SVGMarks.areaRadius(row.count, largest: largest, maxRadius: 14, minRadius: 2)
            let x = frame.x(row.predictedShare) + r + 3, y = frame.y(row.observedShare) + 4
            guard !placed.contains(where: { abs($0.x - x) < 22 && abs($0.y - y) < 12 }) else { continue }
            placed.append((x, y))
            nodes.append(.label(DepartementGeography.displayCode(row.code), x: x, y: y, cssClass: "point-label"))
        }
        nodes.append(SVGLegend.flow([.init(label: "département (area: rows)", color: SeriesColors.color(0)),
                                     .init(label: "observed = predicted", color: "#94a3b8", dashed: true)],
                                    x: frame.left, y: 16, maxWidth: 440).node)
        return .document(id: id, width: 540, height: frame.bottom + 46, label: label, children: nodes)
    }
}
