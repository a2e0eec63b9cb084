/// Legends: a row of series swatches, and a colour bar for a `ColorRamp`.
enum SVGLegend {
    /// One legend entry: a short line in the series' colour and style, and its label.
    struct Item {
        var label: String
        var color: String
        var dashed = false
    }

    /// Line height of legend rows.
    static let lineHeight = 18.0

    /// Entries side by side from (`x`, `y`) (the baseline of the first line), starting a new line
    /// when an entry would pass `x + maxWidth` (0: one entry per line). Label widths are
    /// estimated at 6.5 px per character, enough for the 12 px legend font. Returns the group
    /// and the height of its lines.
    static func flow(_ items: [Item], x: Double, y: Double, maxWidth: Double) -> (node: SVGNode, height: Double) {
        var nodes: [SVGNode] = [], cursor = x, baseline = y
        for item in items {
            let width = 28 + Double(item.label.count) * 6.5
            if cursor > x && cursor + width > x + maxWidth {
                cursor = x
                baseline += lineHeight
            }
            var extra = [("stroke", item.color), ("stroke-width", "2.5")]
            if item.dashed { extra.append(("stroke-dasharray", "5 3")) }
            nodes.append(.line(x1: cursor, y1: baseline - 4, x2: cursor + 22, y2: baseline - 4, cssClass: "swatch", extra: extra))
            nodes.append(.label(item.label, x: cursor + 28, y: baseline, cssClass: "legend"))
            cursor += width + 18
        }
        return (.group("legend", nodes), baseline - y + lineHeight)
    }

    /// A horizontal colour bar of `width` at (`x`, `y`) mapping the ticks' extent to the ramp,
    /// with tick labels below and a title above. `gradientID` must be unique in the page.
    static func colorBar(_ ramp: ColorRamp, ticks: NiceTicks, label: (Double) -> String, title: String,
                         x: Double, y: Double, width: Double, gradientID: String) -> SVGNode {
        let stopCount = 16
        let gradient = SVGNode("linearGradient", [("id", gradientID), ("x1", "0"), ("x2", "1"), ("y1", "0"), ("y2", "0")],
                               children: (0...stopCount).map { i in
            let t = Double(i) / Double(stopCount)
            return SVGNode("stop", [("offset", SVGNumber.text(t)), ("stop-color", ramp.color(t))])
        })
        var nodes: [SVGNode] = [SVGNode("defs", children: [gradient]),
                                .label(title, x: x, y: y - 6, cssClass: "legend-title"),
                                .rect(x: x, y: y, width: width, height: 10, extra: [("fill", "url(#\(gradientID))"), ("class", "bar-frame")])]
        for v in ticks.values {
            let tx = x + (v - ticks.lower) / (ticks.upper - ticks.lower) * width
            nodes.append(.line(x1: tx, y1: y + 10, x2: tx, y2: y + 14, cssClass: "axis"))
            nodes.append(.label(label(v), x: tx, y: y + 26, anchor: "middle", cssClass: "tick"))
        }
        return .group("color-bar", nodes)
    }
}
