/// The ROC curve of scores against binary labels, for reports: (false positive rate, true
/// positive rate) at each distinct score used as threshold, from (0, 0) to (1, 1).
public struct ROCCurve: Sendable, Equatable {
    /// One point: predicting positive when the score is at least `threshold`.
    public struct Point: Sendable, Equatable {
        /// Share of negatives scored at or above the threshold.
        public let falsePositiveRate: Double
        /// Share of positives scored at or above the threshold.
        public let truePositiveRate: Double
        /// The threshold; +infinity for the first point (nothing predicted positive).
        public let threshold: Float
    }

    /// The points, thresholds decreasing; empty when either class is absent.
    public let points: [Point]

    /// Builds the curve. `dropCollinear` (scikit-learn's `drop_intermediate`) keeps only the
    /// corners, which leaves the shape and the area unchanged with far fewer points.
    public init(scores: [Float], positives: [Bool], dropCollinear: Bool = true) {
        let ranking = ScoreRanking(scores: scores, positives: positives)
        guard ranking.positiveCount > 0, ranking.negativeCount > 0 else { points = []; return }
        let p = Double(ranking.positiveCount), n = Double(ranking.negativeCount)
        var all = [Point(falsePositiveRate: 0, truePositiveRate: 0, threshold: .infinity)]
        for t in ranking.thresholds {
            all.append(Point(falsePositiveRate: Double(t.falsePositives) / n,
                             truePositiveRate: Double(t.truePositives) / p, threshold: t.score))
        }
        guard dropCollinear, all.count > 2 else { points = all; return }
        // A point is dropped when its two segments have the same direction (zero cross product
        // of the count steps): a superset of scikit-learn's equal-second-difference rule.
        var kept = [all[0]]
        for i in 1..<(all.count - 1) {
            let before = ranking.thresholds[i - 1], previous = i >= 2 ? ranking.thresholds[i - 2] : nil
            let after = ranking.thresholds[i]
            let dfp1 = before.falsePositives - (previous?.falsePositives ?? 0)
            let dtp1 = before.truePositives - (previous?.truePositives ?? 0)
            let dfp2 = after.falsePositives - before.falsePositives, dtp2 = after.truePositives - before.truePositives
            if dfp1 * dtp2 != dtp1 * dfp2 { kept.append(all[i]) }
        }
        kept.append(all[all.count - 1])
        points = kept
    }

    /// Area under the curve by trapezoids (equal to `ROCAUC` on the same scores); NaN when empty.
    public var area: Double {
        guard points.count >= 2 else { return .nan }
        var sum = 0.0
        for (a, b) in zip(points, points.dropFirst()) {
            sum += (b.falsePositiveRate - a.falsePositiveRate) * (b.truePositiveRate + a.truePositiveRate) / 2
        }
        return sum
    }
}
