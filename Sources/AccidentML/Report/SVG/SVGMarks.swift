/// The marks drawn inside a `PlotFrame`: lines, steps and bubbles.
enum SVGMarks {
    /// A polyline through data points; non-finite points break the line. Points within half a
    /// pixel of the last one drawn are skipped (invisible), which keeps long ROC curves small.
    static func line(_ points: [(x: Double, y: Double)], in frame: PlotFrame, color: String, width: Double = 2,
                     dashed: Bool = false, tooltip: String? = nil) -> SVGNode {
        var d = "", last: (x: Double, y: Double)? = nil, penDown = false
        for (i, p) in points.enumerated() {
            guard p.x.isFinite && p.y.isFinite else { penDown = false; continue }
            let px = frame.x(p.x), py = frame.y(p.y)
            let isLast = i == points.count - 1
            if penDown, let l = last, !isLast, abs(px - l.x) < 0.5 && abs(py - l.y) < 0.5 { continue }
            d += (penDown ? "L" : "M") + SVGNumber.text(px) + " " + SVGNumber.text(py)
            last = (px, py); penDown = true
        }
        var attributes = [("d", d), ("fill", "none"), ("stroke", color), ("stroke-width", SVGNumber.text(width)),
                          ("stroke-linejoin", "round"), ("stroke-linecap", "round")]
        if dashed { attributes.append(("stroke-dasharray", "6 4")) }
        return SVGNode("path", attributes, children: tooltip.map { [SVGNode("title", text: $0)] } ?? [])
    }

    /// A filled step outline (histogram): bin `i` spans `edges[i]...edges[i + 1]` at height `values[i]`.
    static func steps(edges: [Double], values: [Double], in frame: PlotFrame, color: String) -> SVGNode {
        precondition(edges.count == values.count + 1, "one more edge than values")
        let base = frame.y(frame.yTicks.lower)
        var d = "M" + SVGNumber.text(frame.x(edges[0])) + " " + SVGNumber.text(base)
        for (i, v) in values.enumerated() {
            let top = SVGNumber.text(frame.y(v))
            d += "L" + SVGNumber.text(frame.x(edges[i])) + " " + top + "L" + SVGNumber.text(frame.x(edges[i + 1])) + " " + top
        }
        d += "L" + SVGNumber.text(frame.x(edges[edges.count - 1])) + " " + SVGNumber.text(base) + "Z"
        return SVGNode("path", [("d", d), ("fill", color), ("fill-opacity", "0.35"), ("stroke", color), ("stroke-width", "1.5")])
    }

    /// A circle at a data point with a pixel radius.
    static func bubble(x: Double, y: Double, radius: Double, in frame: PlotFrame, fill: String, tooltip: String) -> SVGNode {
        .circle(cx: frame.x(x), cy: frame.y(y), r: radius, extra: [("fill", fill), ("class", "bubble")], tooltip: tooltip)
    }

    /// A pixel radius whose disc area is proportional to `count` (largest count: `maxRadius`),
    /// never below `minRadius` so that small counts stay visible.
    static func areaRadius(_ count: Int, largest: Int, maxRadius: Double, minRadius: Double = 1.5) -> Double {
        largest <= 0 ? minRadius : max(minRadius, maxRadius * (Double(count) / Double(largest)).squareRoot())
    }
}
