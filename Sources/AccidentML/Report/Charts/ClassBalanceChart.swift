/// The training rows per class as horizontal bars of their share.
enum ClassBalanceChart {
    static let id = "class-balance"

    static func svg(_ data: TrainingReport.DataSummary, classLabels: [String]) -> SVGNode {
        let bars: [HorizontalBarChart.Bar] = data.classCounts.enumerated().map { k, count in
            let name = k < classLabels.count ? classLabels[k] : "class \(k)"
            let share = data.classShare(k)
            return .init(label: name, value: share * 100,
                         valueText: "\(SVGNumber.percent(share))  (\(SVGNumber.grouped(count)) rows)",
                         tooltip: "\(name): \(SVGNumber.grouped(count)) of \(SVGNumber.grouped(data.rowCount)) training rows")
        }
        let chart = HorizontalBarChart(bars: bars, axisTitle: "share of training rows (%)", color: SeriesColors.color(2))
        let (nodes, height) = chart.nodes(x: 10, y: 0, width: 520, rowHeight: 26)
        return .document(id: id, width: 540, height: height,
                         label: "Class balance: share of training rows in each class", children: nodes)
    }
}
