/// Shared pieces of the report's charts.
enum ChartNote {
    /// A grey centred message in place of a chart that has no data.
    static func empty(id: String, label: String, message: String, width: Double = 540, height: Double = 120) -> SVGNode {
        .document(id: id, width: width, height: height, label: label,
                  children: [.label(message, x: width / 2, y: height / 2, anchor: "middle", cssClass: "note")])
    }

    /// Train and validation colours, used the same way in every chart.
    static let trainColor = SeriesColors.color(0)
    static let validationColor = SeriesColors.color(1)

    /// The validation colour for a single series, the palette for one series per class.
    static func seriesColor(_ i: Int, of count: Int) -> String { count == 1 ? validationColor : SeriesColors.color(i) }

    /// The finite values among `values`, for axis ranges.
    static func finite(_ values: [Double]) -> [Double] { values.filter(\.isFinite) }
}
