/// Reliability diagram on validation rows: observed share of the class against the mean
/// predicted probability per bin (circles sized by rows), the ideal diagonal, and beneath it
/// the number of rows per bin.
enum CalibrationChart {
    static let id = "calibration-curve"

    static func svg(_ series: [TrainingReport.CalibrationSeries]) -> SVGNode {
        let label = "Calibration: observed frequency against mean predicted probability per bin, validation rows"
        let drawn = series.filter { s in s.bins.contains { $0.count > 0 } }
        guard !drawn.isEmpty else { return ChartNote.empty(id: id, label: label, message: "No validation rows to calibrate.") }
        var legend = drawn.enumerated().map { i, s in
            SVGLegend.Item(label: drawn.count == 1 ? "model (\(s.classLabel))" : s.classLabel, color: ChartNote.seriesColor(i, of: drawn.count))
        }
        legend.append(.init(label: "perfectly calibrated", color: "#94a3b8", dashed: true))
        let key = SVGLegend.flow(legend, x: 70, y: 16, maxWidth: 440)
        let frame = PlotFrame(left: 70, top: 22 + key.height, width: 440, height: 280,
                              xTicks: NiceTicks(covering: 0, 1, count: 6), yTicks: NiceTicks(covering: 0, 1, count: 6))
        let largest = drawn.flatMap { $0.bins.map(\.count) }.max() ?? 0
        let counts = NiceTicks(covering: 0, Double(largest), count: 3)
        let histogram = PlotFrame(left: 70, top: frame.bottom + 52, width: 440, height: 70,
                                  xTicks: frame.xTicks, yTicks: counts)
        var nodes = frame.axes(xTitle: "mean predicted probability in the bin", yTitle: "observed frequency")
        nodes.append(frame.diagonal())
        nodes += histogram.axes(xTitle: "predicted probability", yTitle: "rows",
                                yLabel: { SVGNumber.compact($0) })
        for (i, s) in drawn.enumerated() {
            let color = ChartNote.seriesColor(i, of: drawn.count)
            // Bins with rows have both means; a decoded file that says otherwise only loses the point.
            let filled = s.bins.filter { $0.count > 0 && $0.meanPredicted != nil && $0.observedFrequency != nil }
            nodes.append(SVGMarks.steps(edges: [s.bins[0].lowerBound] + s.bins.map(\.upperBound),
                                        values: s.bins.map { Double($0.count) }, in: histogram, color: color))
            nodes.append(SVGMarks.line(filled.map { (x: $0.meanPredicted!, y: $0.observedFrequency!) }, in: frame, color: color))
            for bin in filled {
                nodes.append(SVGMarks.bubble(x: bin.meanPredicted!, y: bin.observedFrequency!,
                                             radius: SVGMarks.areaRadius(bin.count, largest: largest, maxRadius: 11, minRadius: 3),
                                             in: frame, fill: color, tooltip: tooltip(bin, classLabel: s.classLabel)))
            }
        }
        nodes.append(key.node)
        return .document(id: id, width: 540, height: histogram.bottom + 46, label: label, children: nodes)
    }

    static func tooltip(_ bin: TrainingReport.CalibrationBin, classLabel: String) -> String {
        "\(classLabel), scores \(SVGNumber.fixed(bin.lowerBound, decimals: 2))–\(SVGNumber.fixed(bin.upperBound, decimals: 2)): "
            + "\(SVGNumber.grouped(bin.count)) rows, predicted \(SVGNumber.percent(bin.meanPredicted ?? .nan)), "
            + "observed \(SVGNumber.percent(bin.observedFrequency ?? .nan))"
    }
}
