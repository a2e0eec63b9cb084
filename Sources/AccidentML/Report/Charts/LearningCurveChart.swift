/// Small multiples of the learning curves: one panel per metric, training and validation
/// lines against the round, with the round kept by early stopping marked.
enum LearningCurveChart {
    static let id = "learning-curves"

    static func svg(_ curves: [TrainingReport.LearningCurve]) -> SVGNode {
        let label = "Learning curves: metric value per round, training and validation"
        guard !curves.isEmpty else {
            return ChartNote.empty(id: id, label: label, message: "No learning curve was recorded for this model.", width: 1060)
        }
        let width = 1060.0, panelHeight = 250.0, perRow = min(curves.count, 3)
        let panelWidth = width / Double(perRow), rows = (curves.count + perRow - 1) / perRow
        let sample = curves.compactMap(\.trainSampleRows).max()
        var legend = [SVGLegend.Item(label: sample.map { "training (seeded sample of \(SVGNumber.grouped($0)) rows)" } ?? "training",
                                     color: ChartNote.trainColor)]
        if curves.contains(where: { !$0.validation.isEmpty }) {
            legend.append(.init(label: "validation", color: ChartNote.validationColor))
        }
        if curves.contains(where: { $0.bestRound != nil }) {
            legend.append(.init(label: "round kept (early stopping)", color: "#64748b", dashed: true))
        }
        var nodes = [SVGLegend.flow(legend, x: 70, y: 18, maxWidth: 1000).node]
        for (i, curve) in curves.enumerated() {
            nodes.append(panel(curve, x: Double(i % perRow) * panelWidth, y: 34 + Double(i / perRow) * panelHeight,
                               width: panelWidth, height: panelHeight))
        }
        return .document(id: id, width: width, height: 34 + Double(rows) * panelHeight, label: label, children: nodes)
    }

    /// One metric's panel in the rectangle given.
    static func panel(_ curve: TrainingReport.LearningCurve, x: Double, y: Double, width: Double, height: Double) -> SVGNode {
        let values = ChartNote.finite(curve.train + curve.validation)
        let frame = PlotFrame(left: x + 66, top: y + 30, width: width - 90, height: height - 80,
                              xTicks: NiceTicks(covering: Double(curve.rounds.first ?? 0), Double(curve.rounds.last ?? 1), count: 6),
                              yTicks: NiceTicks(covering: values.min() ?? 0, values.max() ?? 1, count: 5))
        let direction = curve.higherIsBetter ? "higher is better" : "lower is better"
        var nodes = [SVGNode.label("\(MetricNames.display(curve.metric)) (\(direction))", x: frame.left, y: y + 16,
                                   cssClass: "panel-title")]
        nodes += frame.axes(xTitle: "round (iteration)", yTitle: MetricNames.display(curve.metric))
        if let best = curve.bestRound, let first = curve.rounds.first, let last = curve.rounds.last, first...last ~= best {
            nodes.append(.line(x1: frame.x(Double(best)), y1: frame.top, x2: frame.x(Double(best)), y2: frame.bottom,
                               cssClass: "marker", extra: [("stroke-dasharray", "5 3")]))
            nodes.append(.label("round \(best)", x: frame.x(Double(best)) - 4, y: frame.top + 12, anchor: "end", cssClass: "marker-label"))
        }
        let rounds = curve.rounds.map(Double.init)
        nodes.append(SVGMarks.line(zip(rounds, curve.train).map { (x: $0, y: $1) }, in: frame, color: ChartNote.trainColor,
                                   tooltip: "training \(curve.metric): last \(SVGNumber.compact(curve.train.last ?? .nan))"))
        if !curve.validation.isEmpty {
            nodes.append(SVGMarks.line(zip(rounds, curve.validation).map { (x: $0, y: $1) }, in: frame,
                                       color: ChartNote.validationColor,
                                       tooltip: "validation \(curve.metric): last \(SVGNumber.compact(curve.validation.last ?? .nan))"))
        }
        return .group("panel", nodes)
    }
}
