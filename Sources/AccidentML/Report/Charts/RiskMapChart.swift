/// Two maps of France side by side, by département: the mean predicted severe share (left) and
/// the observed severe share (right) of validation rows, each département a circle at its
/// position sized by its rows and coloured on one shared scale; overseas territories in insets.
enum RiskMapChart {
    static let id = "risk-map"
    static let mapWidth = 500.0, mapHeight = 470.0, maxRadius = 16.0
    static let insetWidth = 62.0, insetHeight = 50.0, insetGap = 6.0
    /// Overseas insets per row under each map.
    static let insetsPerRow = Int((mapWidth + insetGap) / (insetWidth + insetGap))

    static func svg(_ table: TrainingReport.SeverityByDepartement) -> SVGNode {
        let label = "Maps of France: predicted and observed share of severe outcomes by département"
        let placed = table.departements.filter { DepartementGeography.centres[$0.code] != nil }
        guard !placed.isEmpty else {
            return ChartNote.empty(id: id, label: label, message: "No département is known for the validation rows.", width: 1060)
        }
        let shades = colorTicks(placed)
        let largest = placed.map(\.count).max() ?? 1
        let overseas = placed.filter { !DepartementGeography.isMetropolitan($0.code) }
        let insetRows = (overseas.count + insetsPerRow - 1) / insetsPerRow
        let insetsTop = 30 + mapHeight + 8, legendTop = insetsTop + Double(insetRows) * (insetHeight + 20) + 34
        var nodes: [SVGNode] = []
        for (i, panel) in [(title: "Predicted: mean model probability of a severe outcome", observed: false),
                           (title: "Observed: share of rows with a severe outcome", observed: true)].enumerated() {
            let left = 20 + Double(i) * 540
            nodes.append(.label(panel.title, x: left, y: 18, cssClass: "panel-title"))
            nodes.append(map(placed, left: left, top: 30, observed: panel.observed, shades: shades, largest: largest))
            nodes.append(ParisZoom.inset(placed, left: left, top: 30) { row, x, y in
                circle(row, x: x, y: y, observed: panel.observed, shades: shades, largest: largest)
            })
            nodes += insets(overseas, left: left, top: insetsTop, observed: panel.observed, shades: shades, largest: largest)
        }
        nodes.append(SVGLegend.colorBar(.severity, ticks: shades, label: { SVGNumber.percent($0, decimals: shades.decimals > 2 ? 1 : 0) },
                                        title: "severe share (both maps; values beyond the bar take its end colours)",
                                        x: 40, y: legendTop, width: 420, gradientID: "risk-map-ramp"))
        nodes += sizeLegend(largest: largest, x: 600, y: legendTop)
        let unplaced = table.departements.count - placed.count
        if unplaced > 0 {
            nodes.append(.label("\(unplaced) département code(s) without a known position are not drawn.",
                                x: 1040, y: legendTop + 58, anchor: "end", cssClass: "note"))
        }
        return .document(id: id, width: 1060, height: legendTop + 66, label: label, children: nodes)
    }

    /// The colour scale: nice ticks over the predicted shares (observed shares, noisier, are clamped to it).
    static func colorTicks(_ rows: [TrainingReport.DepartementSeverity]) -> NiceTicks {
        let predicted = rows.map(\.predictedShare).filter(\.isFinite)
        return NiceTicks(covering: predicted.min() ?? 0, predicted.max() ?? 1, count: 5)
    }

    /// The metropolitan map with its outline and circles, largest circles drawn first so small ones stay on top.
    static func map(_ rows: [TrainingReport.DepartementSeverity], left: Double, top: Double, observed: Bool,
                    shades: NiceTicks, largest: Int) -> SVGNode {
        let projection = MapProjection(latitudes: MapProjection.metropolitanLatitudes,
                                       longitudes: MapProjection.metropolitanLongitudes,
                                       x: left, y: top, width: mapWidth, height: mapHeight)
        var nodes = [FranceOutline.mainland, FranceOutline.corsica].map { outline in
            SVGNode("path", [("d", outlinePath(outline, projection)), ("class", "land")])
        }
        for row in rows.filter({ DepartementGeography.isMetropolitan($0.code) }).sorted(by: drawOrder) {
            let centre = DepartementGeography.centres[row.code]!
            let p = projection.point(latitude: centre.latitude, longitude: centre.longitude)
            // Inner Paris is labelled in its zoom, where the circles do not overlap.
            nodes += circle(row, x: p.x, y: p.y, observed: observed, shades: shades, largest: largest,
                            labelled: !ParisZoom.codes.contains(row.code))
        }
        return .group("map", nodes)
    }

    /// One framed inset per overseas territory, in a row.
    static func insets(_ rows: [TrainingReport.DepartementSeverity], left: Double, top: Double, observed: Bool,
                       shades: NiceTicks, largest: Int) -> [SVGNode] {
        rows.enumerated().flatMap { i, row in
            let x = left + Double(i % insetsPerRow) * (insetWidth + insetGap)
            let top = top + Double(i / insetsPerRow) * (insetHeight + 20)
            return [SVGNode.rect(x: x, y: top, width: insetWidth, height: insetHeight, extra: [("class", "inset")])]
                + circle(row, x: x + insetWidth / 2, y: top + insetHeight / 2, observed: observed, shades: shades, largest: largest)
                + [.label(DepartementGeography.overseasName(row.code), x: x + insetWidth / 2, y: top + insetHeight + 12,
                          anchor: "middle", cssClass: "inset-label")]
        }
    }

    /// A département's circle with its tooltip, and its code written inside when the circle is big enough.
    static func circle(_ row: TrainingReport.DepartementSeverity, x: Double, y: Double, observed: Bool,
                       shades: NiceTicks, largest: Int, labelled: Bool = true) -> [SVGNode] {
        let share = observed ? row.observedShare : row.predictedShare
        let t = (share - shades.lower) / (shades.upper - shades.lower)
        let r = SVGMarks.areaRadius(row.count, largest: largest, maxRadius: maxRadius, minRadius: 2)
        var nodes = [SVGNode.circle(cx: x, cy: y, r: r, extra: [("fill", ColorRamp.severity.color(t)), ("class", "dot")],
                                    tooltip: tooltip(row))]
        if labelled && r >= 9 {
            nodes.append(.label(DepartementGeography.displayCode(row.code), x: x, y: y + 3, anchor: "middle",
                                cssClass: ColorRamp.severity.needsLightText(t) ? "dot-code light" : "dot-code"))
        }
        return nodes
    }

    /// Reference circles for the largest count and about a quarter and a sixteenth of it,
    /// each rounded down to one significant digit.
    static func sizeLegend(largest: Int, x: Double, y: Double) -> [SVGNode] {
        var sizes: [Int] = []
        for divisor in [1, 4, 16] {
            let size = roundedDown(largest / divisor)
            if size > 0 && !sizes.contains(size) { sizes.append(size) }
        }
        var nodes: [SVGNode] = [.label("circle area: validation rows in the département", x: x, y: y - 6, cssClass: "legend-title")]
        var cursor = x + maxRadius
        for size in sizes {
            let r = SVGMarks.areaRadius(size, largest: largest, maxRadius: maxRadius, minRadius: 2)
            nodes.append(.circle(cx: cursor, cy: y + maxRadius, r: r, extra: [("class", "size-key")]))
            nodes.append(.label(SVGNumber.grouped(size), x: cursor + r + 5, y: y + maxRadius + 4, cssClass: "tick"))
            cursor += r + 60
        }
        return nodes
    }

    /// `n` rounded down to one significant digit: 983 → 900, 245 → 200, 7 → 7.
    static func roundedDown(_ n: Int) -> Int {
        var unit = 1
        while n / unit >= 10 { unit *= 10 }
        return n / unit * unit
    }

    static func tooltip(_ row: TrainingReport.DepartementSeverity) -> String {
        "Département \(DepartementGeography.displayCode(row.code)): \(SVGNumber.grouped(row.count)) rows, "
            + "predicted \(SVGNumber.percent(row.predictedShare)), observed \(SVGNumber.percent(row.observedShare))"
    }

    /// Larger counts first; ties by code, so the output is deterministic.
    static func drawOrder(_ a: TrainingReport.DepartementSeverity, _ b: TrainingReport.DepartementSeverity) -> Bool {
        a.count != b.count ? a.count > b.count : a.code < b.code
    }

    static func outlinePath(_ outline: [(Double, Double)], _ projection: MapProjection) -> String {
        outline.enumerated().map { i, c in
            let p = projection.point(latitude: c.0, longitude: c.1)
            return (i == 0 ? "M" : "L") + SVGNumber.text(p.x) + " " + SVGNumber.text(p.y)
        }.joined() + "Z"
    }
}
