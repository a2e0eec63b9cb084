/// Feature importance as horizontal bars, the 25 most important features, largest first.
enum ImportanceChart {
    static let id = "feature-importance"
    static let shown = 25

    static func svg(_ importance: TrainingReport.Importance) -> SVGNode {
        let label = "Feature importance: the \(shown) features the model relies on most"
        guard !importance.features.isEmpty else {
            return ChartNote.empty(id: id, label: label, message: "No feature importance was recorded.", width: 1060)
        }
        let top = importance.features.prefix(shown)
        let total = importance.features.reduce(0) { $0 + ($1.value.isFinite ? $1.value : 0) }
        let bars: [HorizontalBarChart.Bar] = top.map { f in
            let splits = f.splits.map { ", \(SVGNumber.grouped($0)) splits" } ?? ""
            switch importance.measure {
            case .gain:
                let share = total > 0 ? f.value / total : .nan
                return .init(label: f.name, value: share * 100,
                             valueText: SVGNumber.percent(share) + (f.splits.map { "  ·  \(SVGNumber.grouped($0)) splits" } ?? ""),
                             tooltip: "\(f.name): gain \(SVGNumber.compact(f.value)) (\(SVGNumber.percent(share)) of total)\(splits)")
            case .absoluteCoefficient:
                return .init(label: f.name, value: f.value, valueText: SVGNumber.compact(f.value),
                             tooltip: "\(f.name): |coefficient| \(SVGNumber.compact(f.value))")
            }
        }
        let title = importance.measure == .gain ? "share of the total split gain (%)" : "|coefficient| (standardised feature)"
        let chart = HorizontalBarChart(bars: bars, axisTitle: title, color: SeriesColors.color(0), maxLabelLength: 32)
        var (nodes, height) = chart.nodes(x: 10, y: 0, width: 1040, rowHeight: 21)
        if importance.features.count > shown {
            nodes.append(.label("\(importance.features.count - shown) less important features not shown",
                                x: 1050, y: height - 4, anchor: "end", cssClass: "note"))
            height += 4
        }
        return .document(id: id, width: 1060, height: height, label: label, children: nodes)
    }
}
