/// ROC curves on validation rows: true against false positive rate, with the chance diagonal,
/// the AUC in the legend and, for a binary model, the operating point of the confusion matrix
/// (positive when its probability is above 0.5).
enum ROCChart {
    static let id = "roc-curve"

    static func svg(_ series: [TrainingReport.ROCSeries], confusion: TrainingReport.ConfusionTable) -> SVGNode {
        let label = "ROC curve: true positive rate against false positive rate on validation rows"
        let drawn = series.filter { !$0.points.isEmpty }
        guard !drawn.isEmpty else {
            return ChartNote.empty(id: id, label: label, message: "No ROC curve: the validation rows hold a single class.")
        }
        let frame = PlotFrame(left: 70, top: 22 + SVGLegend.lineHeight * Double(drawn.count + 1), width: 440, height: 360,
                              xTicks: NiceTicks(covering: 0, 1, count: 6), yTicks: NiceTicks(covering: 0, 1, count: 6))
        var nodes = frame.axes(xTitle: "false positive rate (share of non-cases flagged)",
                               yTitle: "true positive rate (share of cases caught)")
        nodes.append(frame.diagonal())
        var legend: [SVGLegend.Item] = []
        for (i, s) in drawn.enumerated() {
            let color = ChartNote.seriesColor(i, of: drawn.count)
            let text = "\(s.classLabel): AUC \(SVGNumber.fixed(s.auc, decimals: 3))"
            nodes.append(SVGMarks.line(s.points.map { (x: $0.falsePositiveRate, y: $0.truePositiveRate) }, in: frame,
                                       color: color, width: 2.5, tooltip: text))
            legend.append(.init(label: text, color: color))
        }
        legend.append(.init(label: "chance (AUC 0.5)", color: "#94a3b8", dashed: true))
        if drawn.count == 1, let point = operatingPoint(confusion) {
            nodes.append(.circle(cx: frame.x(point.falsePositiveRate), cy: frame.y(point.truePositiveRate), r: 5,
                                 extra: [("fill", "#ffffff"), ("stroke", ChartNote.validationColor), ("stroke-width", "2.5")],
                                 tooltip: "threshold 0.5: \(SVGNumber.percent(point.truePositiveRate)) of cases caught, "
                                     + "\(SVGNumber.percent(point.falsePositiveRate)) of non-cases flagged"))
            nodes.append(.label("threshold 0.5", x: frame.x(point.falsePositiveRate) + 9,
                                y: frame.y(point.truePositiveRate) + 14, cssClass: "marker-label"))
        }
        // One legend line per series, stacked above the frame.
        nodes.append(SVGLegend.flow(legend, x: frame.left, y: 16, maxWidth: 0).node)
        return .document(id: id, width: 540, height: frame.bottom + 46, label: label, children: nodes)
    }

    /// The (false, true) positive rates of a two-class confusion matrix: where the model's
    /// most-probable-class prediction sits on the ROC curve. Nil for more classes or a missing class.
    static func operatingPoint(_ confusion: TrainingReport.ConfusionTable) -> (falsePositiveRate: Double, truePositiveRate: Double)? {
        guard confusion.labels.count == 2 else { return nil }
        let fpr = confusion.rowShare(actual: 0, predicted: 1), tpr = confusion.rowShare(actual: 1, predicted: 1)
        return fpr.isFinite && tpr.isFinite ? (fpr, tpr) : nil
    }
}
