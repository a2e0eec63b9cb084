extension TrainingReport {
    /// The ROC curve of one class against the rest (the positive class of a binary model).
    public struct ROCSeries: Codable, Sendable, Equatable {
        /// The class scored as positive.
        public var classLabel: String
        /// Area under the curve; NaN when the class or its complement is absent.
        public var auc: Double
        /// Corners of the curve from (0, 0) to (1, 1), thresholds decreasing; the builder keeps
        /// only corners at least `resolution` apart in one of the rates (the AUC is exact).
        public var points: [ROCPoint]

        /// Creates a series.
        public init(classLabel: String, auc: Double, points: [ROCPoint]) {
            self.classLabel = classLabel; self.auc = auc; self.points = points
        }
    }

    /// A point of a ROC curve (a copy of `ROCCurve.Point` that can be encoded).
    public struct ROCPoint: Codable, Sendable, Equatable {
        /// Share of negatives scored at or above the threshold.
        public var falsePositiveRate: Double
        /// Share of positives scored at or above the threshold.
        public var truePositiveRate: Double
        /// The threshold; +infinity for the first point (encoded as the string `Infinity`).
        public var threshold: Float

        /// Creates a point.
        public init(falsePositiveRate: Double, truePositiveRate: Double, threshold: Float) {
            self.falsePositiveRate = falsePositiveRate; self.truePositiveRate = truePositiveRate; self.threshold = threshold
        }
    }
}

extension TrainingReport.ROCSeries {
    /// The smallest step in either rate between two kept points: the curve is drawn at most
    /// 0.001 away from the exact one, with at most about 2,000 points whatever the row count.
    static let resolution = 0.001

    /// Copies a computed curve, thinned to `resolution`, and its exact area.
    init(_ curve: ROCCurve, classLabel: String) {
        var kept: [TrainingReport.ROCPoint] = []
        for (i, p) in curve.points.enumerated() {
            if let last = kept.last, i < curve.points.count - 1,
               abs(p.falsePositiveRate - last.falsePositiveRate) < Self.resolution,
               abs(p.truePositiveRate - last.truePositiveRate) < Self.resolution { continue }
            kept.append(.init(falsePositiveRate: p.falsePositiveRate, truePositiveRate: p.truePositiveRate, threshold: p.threshold))
        }
        self.init(classLabel: classLabel, auc: curve.area, points: kept)
    }
}
