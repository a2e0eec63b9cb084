/// A magnified inset of Paris and its inner suburbs (75, 92, 93, 94), whose circles overlap on
/// the national map, drawn in the empty sea north of Brittany, with a frame around the zoomed
/// area on the map.
enum ParisZoom {
    static let codes: Set<Int16> = [75, 92, 93, 94]
    static let latitudes = 48.70...49.02, longitudes = 2.10...2.62
    /// The inset frame, relative to the map's top-left corner (over the Channel).
    static let frame = (x: 4.0, y: 18.0, width: 104.0, height: 92.0)
    /// Room kept inside the frame so that circles at its edge stay inside.
    static let padding = 14.0

    /// The inset: frame, title, a frame marking the zoomed area on the map, and one circle per
    /// inner-Paris département drawn by `circle` at its zoomed position. Empty without such rows.
    static func inset(_ rows: [TrainingReport.DepartementSeverity], left: Double, top: Double,
                      circle: (TrainingReport.DepartementSeverity, Double, Double) -> [SVGNode]) -> SVGNode {
        let inner = rows.filter { codes.contains($0.code) }.sorted(by: RiskMapChart.drawOrder)
        guard !inner.isEmpty else { return .group("zoom", []) }
        let x = left + frame.x, y = top + frame.y
        let zoom = MapProjection(latitudes: latitudes, longitudes: longitudes, x: x + padding, y: y + padding,
                                 width: frame.width - 2 * padding, height: frame.height - 2 * padding)
        let national = MapProjection(latitudes: MapProjection.metropolitanLatitudes, longitudes: MapProjection.metropolitanLongitudes,
                                     x: left, y: top, width: RiskMapChart.mapWidth, height: RiskMapChart.mapHeight)
        let corner = national.point(latitude: latitudes.upperBound, longitude: longitudes.lowerBound)
        let opposite = national.point(latitude: latitudes.lowerBound, longitude: longitudes.upperBound)
        var nodes: [SVGNode] = [
            .rect(x: corner.x, y: corner.y, width: opposite.x - corner.x, height: opposite.y - corner.y, extra: [("class", "zoom-mark")]),
            .rect(x: x, y: y, width: frame.width, height: frame.height, extra: [("class", "inset")]),
            .label("Paris and inner suburbs", x: x, y: y - 5, cssClass: "inset-label"),
        ]
        for row in inner {
            let centre = DepartementGeography.centres[row.code]!
            let p = zoom.point(latitude: centre.latitude, longitude: centre.longitude)
            nodes += circle(row, p.x, p.y)
        }
        return .group("zoom", nodes)
    }
}
