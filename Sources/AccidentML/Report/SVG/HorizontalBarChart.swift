/// Horizontal bars, one labelled row each, lengths on a shared axis starting at zero, with a
/// value label at the end of each bar.
struct HorizontalBarChart {
    struct Bar {
        var label: String
        var value: Double
        var valueText: String
        var tooltip: String
    }

    var bars: [Bar]
    var axisTitle: String
    var color = SeriesColors.color(0)
    /// Longer labels are cut with an ellipsis (the tooltip keeps the full text).
    var maxLabelLength = 24

    /// The chart's nodes in a rectangle `width` wide, one `rowHeight` per bar; returns the height used.
    func nodes(x: Double, y: Double, width: Double, rowHeight: Double = 20,
               axisLabel: ((Double) -> String)? = nil) -> (nodes: [SVGNode], height: Double) {
        let longest = bars.map { min($0.label.count, maxLabelLength) }.max() ?? 4
        let labelWidth = Double(longest) * 6.6 + 12
        let largest = bars.map(\.value).filter(\.isFinite).max() ?? 1
        let frame = PlotFrame(left: x + labelWidth, top: y + 6, width: width - labelWidth - 70,
                              height: rowHeight * Double(bars.count),
                              xTicks: NiceTicks(covering: 0, largest > 0 ? largest : 1, count: 5),
                              yTicks: NiceTicks(covering: 0, 1, count: 2))
        var nodes: [SVGNode] = []
        for v in frame.xTicks.values {
            nodes.append(.line(x1: frame.x(v), y1: frame.top, x2: frame.x(v), y2: frame.bottom, cssClass: "grid"))
            nodes.append(.label(axisLabel?(v) ?? frame.xTicks.label(v), x: frame.x(v), y: frame.bottom + 16,
                                anchor: "middle", cssClass: "tick"))
        }
        nodes.append(.label(axisTitle, x: frame.left + frame.width / 2, y: frame.bottom + 36, anchor: "middle", cssClass: "axis-title"))
        for (i, bar) in bars.enumerated() {
            let top = frame.top + Double(i) * rowHeight
            let length = bar.value.isFinite ? frame.x(max(bar.value, 0)) - frame.left : 0
            let name = bar.label.count > maxLabelLength ? String(bar.label.prefix(maxLabelLength - 1)) + "…" : bar.label
            nodes.append(.label(name, x: frame.left - 8, y: top + rowHeight / 2 + 4, anchor: "end", cssClass: "header"))
            nodes.append(.rect(x: frame.left, y: top + 3, width: length, height: rowHeight - 6,
                               extra: [("fill", color), ("class", "bar")], tooltip: bar.tooltip))
            nodes.append(.label(bar.valueText, x: frame.left + length + 5, y: top + rowHeight / 2 + 4, cssClass: "value"))
        }
        nodes.append(.line(x1: frame.left, y1: frame.top, x2: frame.left, y2: frame.bottom, cssClass: "axis"))
        return (nodes, frame.bottom + 44 - y)
    }
}
