/// The best way found to split one leaf on one feature.
struct SplitCandidate: Sendable {
    /// Gain over not splitting; -infinity when no valid split exists.
    var gain: Double = -.infinity
    /// Feature index, or -1 when no valid split exists.
    var feature: Int = -1
    /// Rows whose bin is `<= thresholdBin` go left (missing rows follow `defaultLeft`).
    var thresholdBin: Int = 0
    /// Whether missing values go left.
    var defaultLeft: Bool = false
    /// Sums of the left and right children.
    var left: HistogramEntry = .zero
    var right: HistogramEntry = .zero

    var isValid: Bool { feature >= 0 }

    /// Whether `self` beats `other`: a larger gain, ties going to the smaller feature index
    /// so that the choice never depends on evaluation order.
    func beats(_ other: SplitCandidate) -> Bool {
        gain > other.gain || (gain == other.gain && isValid && (!other.isValid || feature < other.feature))
    }
}

/// The split-gain rules shared by every leaf (LightGBM's second-order gain with L2).
struct SplitRules: Sendable {
    let minDataInLeaf: Double
    let minSumHessian: Double
    let lambda: Double
    let minGainToSplit: Double

    init(_ p: GBDTParameters) {
        minDataInLeaf = Double(p.minDataInLeaf)
        minSumHessian = p.minSumHessian
        lambda = p.lambda
        minGainToSplit = p.minGainToSplit
    }

    /// The part of the objective a leaf with these sums removes: G^2 / (H + lambda).
    @inline(__always)
    func leafScore(_ s: HistogramEntry) -> Double { s.x * s.x / (s.y + lambda) }

    /// The leaf value before shrinkage: -G / (H + lambda).
    func leafOutput(_ s: HistogramEntry) -> Double { -s.x / (s.y + lambda) }

    /// The best split of a leaf with sums `total` on one feature with `valueBins` value bins
    /// then the missing bin. Missing rows are tried on both sides; when the leaf has none,
    /// they default to the side with more rows.
    func bestSplit(feature: Int, histogram h: UnsafePointer<HistogramEntry>, valueBins: Int,
                   total: HistogramEntry) -> SplitCandidate {
        var best = SplitCandidate()
        let parentScore = leafScore(total)
        let missing = h[valueBins]
        // Tries every threshold left to right, `start` already on the left, keeping the winner
        // in `best`. Empty bins repeat the previous threshold and are skipped; once the right
        // side is too small it only shrinks, so the scan stops.
        @inline(__always) func scan(from start: HistogramEntry, thresholds: Int, defaultLeft: Bool) {
            var left = start
            for b in 0..<thresholds {
                let bin = h[b]
                if bin.z == 0 { continue }
                left += bin
                let right = total - left
                if right.z < minDataInLeaf { return }
                guard left.z >= minDataInLeaf, left.y >= minSumHessian, right.y >= minSumHessian else { continue }
                let gain = leafScore(left) + leafScore(right) - parentScore
                if gain > best.gain {
                    best = SplitCandidate(gain: gain, feature: feature, thresholdBin: b,
                                          defaultLeft: defaultLeft, left: left, right: right)
                }
            }
        }
        if missing.z > 0 {
            // Missing rows right (up to "every value left"), then missing rows left.
            scan(from: .zero, thresholds: valueBins, defaultLeft: false)
            scan(from: missing, thresholds: valueBins - 1, defaultLeft: true)
        } else {
            scan(from: .zero, thresholds: valueBins - 1, defaultLeft: false)
            if best.isValid { best.defaultLeft = best.left.z >= best.right.z }
        }
        guard best.gain > minGainToSplit else { return SplitCandidate() }
        return best
    }
}
