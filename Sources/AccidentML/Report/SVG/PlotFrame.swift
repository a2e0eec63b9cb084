/// A rectangle of an SVG in which data coordinates map linearly to pixels, with the axes,
/// grid lines, tick labels and axis titles around it.
struct PlotFrame {
    /// The plot area in pixels.
    let left: Double, top: Double, width: Double, height: Double
    /// Ticks on each axis; their extents are the data domains.
    let xTicks: NiceTicks, yTicks: NiceTicks

    var right: Double { left + width }
    var bottom: Double { top + height }

    /// The pixel column of data value `v`.
    func x(_ v: Double) -> Double { left + (v - xTicks.lower) / (xTicks.upper - xTicks.lower) * width }
    /// The pixel row of data value `v` (up is larger).
    func y(_ v: Double) -> Double { bottom - (v - yTicks.lower) / (yTicks.upper - yTicks.lower) * height }

    /// Grid lines, axis lines, tick labels and titles. `xLabel`/`yLabel` format tick values
    /// (default: the ticks' own decimals).
    func axes(xTitle: String, yTitle: String,
              xLabel: ((Double) -> String)? = nil, yLabel: ((Double) -> String)? = nil) -> [SVGNode] {
        var nodes: [SVGNode] = []
        for v in yTicks.values {
            nodes.append(.line(x1: left, y1: y(v), x2: right, y2: y(v), cssClass: "grid"))
            nodes.append(.label(yLabel?(v) ?? yTicks.label(v), x: left - 6, y: y(v) + 4, anchor: "end", cssClass: "tick"))
        }
        for v in xTicks.values {
            nodes.append(.line(x1: x(v), y1: top, x2: x(v), y2: bottom, cssClass: "grid"))
            nodes.append(.label(xLabel?(v) ?? xTicks.label(v), x: x(v), y: bottom + 16, anchor: "middle", cssClass: "tick"))
        }
        nodes.append(.line(x1: left, y1: bottom, x2: right, y2: bottom, cssClass: "axis"))
        nodes.append(.line(x1: left, y1: top, x2: left, y2: bottom, cssClass: "axis"))
        nodes.append(.label(xTitle, x: left + width / 2, y: bottom + 36, anchor: "middle", cssClass: "axis-title"))
        let yMid = top + height / 2, yTitleX = left - 46
        nodes.append(.label(yTitle, x: yTitleX, y: yMid, anchor: "middle", cssClass: "axis-title",
                            extra: [("transform", "rotate(-90 \(SVGNumber.text(yTitleX)) \(SVGNumber.text(yMid)))")]))
        return nodes
    }

    /// The dashed y = x line across the frame (ROC chance line, perfect calibration).
    func diagonal() -> SVGNode {
        let lo = max(xTicks.lower, yTicks.lower), hi = min(xTicks.upper, yTicks.upper)
        return .line(x1: x(lo), y1: y(lo), x2: x(hi), y2: y(hi), cssClass: "reference")
    }
}
