import RealModule

/// The loss a boosting run minimises (the seam between the booster and its objectives):
/// initial scores, and per-row gradients and hessians of raw scores.
///
/// Raw scores are laid out column-major, `scores[k * rowCount + r]`, one column per tree of a
/// round; `scoreColumns` is 1 for a binary model and the class count for softmax. The public
/// name of each loss, saved in model files, is a `BoostingObjective`.
protocol GBDTObjective: Sendable {
    /// Trees per round (score columns).
    var scoreColumns: Int { get }
    /// The constant start score of each column, from the (weighted) class frequencies.
    func initialScores(labels: [Int32], weights: [Float]) -> [Double]
    /// Fills `out[k * rowCount + r]` for `r` in `rows` with (gradient, hessian) of row `r`'s
    /// loss in column `k`, both multiplied by the row's weight (`rowCount` is `labels.count`).
    func gradients(scores: UnsafeBufferPointer<Double>, labels: UnsafeBufferPointer<Int32>,
                   weights: UnsafeBufferPointer<Float>, rows: Range<Int>,
                   into out: UnsafeMutableBufferPointer<SIMD2<Float>>)
}

extension GBDTObjective {
    /// Weighted frequency of each class, clipped away from 0 and 1.
    static func classFrequencies(labels: [Int32], weights: [Float], classCount: Int) -> [Double] {
        var mass = [Double](repeating: 0, count: classCount)
        for (y, w) in zip(labels, weights) { mass[Int(y)] += Double(w) }
        let total = mass.reduce(0, +)
        return mass.map { min(max($0 / total, 1e-15), 1 - 1e-15) }
    }
}

/// Binary log-loss on the logit of class 1 (LightGBM's `binary`).
struct BinaryLogisticObjective: GBDTObjective {
    var scoreColumns: Int { 1 }

    func initialScores(labels: [Int32], weights: [Float]) -> [Double] {
        let p = Self.classFrequencies(labels: labels, weights: weights, classCount: 2)[1]
        return [Double.log(p / (1 - p))]
    }

    func gradients(scores: UnsafeBufferPointer<Double>, labels: UnsafeBufferPointer<Int32>,
                   weights: UnsafeBufferPointer<Float>, rows: Range<Int>,
                   into out: UnsafeMutableBufferPointer<SIMD2<Float>>) {
        for r in rows {
            let p = 1 / (1 + Double.exp(-scores[r]))
            let w = Double(weights[r])
            out[r] = SIMD2(Float((p - Double(labels[r])) * w), Float(p * (1 - p) * w))
        }
    }
}

/// Multiclass cross-entropy on softmax scores, one tree per class and round (LightGBM's
/// `multiclass`, including its K / (K - 1) hessian factor).
struct SoftmaxObjective: GBDTObjective {
    let classCount: Int
    var scoreColumns: Int { classCount }

    func initialScores(labels: [Int32], weights: [Float]) -> [Double] {
        Self.classFrequencies(labels: labels, weights: weights, classCount: classCount).map { Double.log($0) }
    }

    func gradients(scores: UnsafeBufferPointer<Double>, labels: UnsafeBufferPointer<Int32>,
                   weights: UnsafeBufferPointer<Float>, rows: Range<Int>,
                   into out: UnsafeMutableBufferPointer<SIMD2<Float>>) {
        let n = labels.count, k = classCount
        let factor = Double(k) / Double(k - 1)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: k) { p in
            for r in rows {
                var top = -Double.infinity
                for c in 0..<k { top = max(top, scores[c * n + r]) }
                var sum = 0.0
                for c in 0..<k { p[c] = Double.exp(scores[c * n + r] - top); sum += p[c] }
                let w = Double(weights[r])
                for c in 0..<k {
                    let pc = p[c] / sum, y: Double = Int(labels[r]) == c ? 1 : 0
                    out[c * n + r] = SIMD2(Float((pc - y) * w), Float(factor * pc * (1 - pc) * w))
                }
            }
        }
    }
}
