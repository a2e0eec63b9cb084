/// Scores with their labels sorted from the highest score down and grouped by distinct score:
/// the cumulative counts from which the ROC curve and its area come.
///
/// Sorting packs each (score, label) into one UInt64 key (order-preserving bits of the Float,
/// then the label bit), so it is a radix sort of integers rather than a sort of indices through a closure.
struct ScoreRanking {
    /// One distinct score: the rows scoring at least it that are negative / positive.
    struct Threshold {
        var score: Float
        var falsePositives: Int
        var truePositives: Int
    }

    /// From the highest score to the lowest.
    let thresholds: [Threshold]
    let positiveCount: Int
    let negativeCount: Int

    init(scores: [Float], positives: [Bool]) {
        precondition(scores.count == positives.count, "scores and labels disagree in count")
        var keys = [UInt64](repeating: 0, count: scores.count)
        for i in scores.indices {
            precondition(!scores[i].isNaN, "score \(i) is NaN")
            keys[i] = UInt64(Self.orderedBits(scores[i])) << 1 | (positives[i] ? 1 : 0)
        }
        // Ascending then reversed: an integer sort of 33-bit keys (3 radix passes), not a sort
        // through a `>` closure.
        RadixSort.sort(&keys, significantBits: 33)
        keys.reverse()
        var thresholds: [Threshold] = []
        var fp = 0, tp = 0, i = 0
        while i < keys.count {
            let bits = UInt32(truncatingIfNeeded: keys[i] >> 1)
            while i < keys.count && UInt32(truncatingIfNeeded: keys[i] >> 1) == bits {
                if keys[i] & 1 == 1 { tp += 1 } else { fp += 1 }
                i += 1
            }
            thresholds.append(Threshold(score: Self.score(orderedBits: bits), falsePositives: fp, truePositives: tp))
        }
        self.thresholds = thresholds
        positiveCount = tp
        negativeCount = fp
    }

    /// Trapezoidal area under the (false, true) positive counts, divided by P·N: the ROC AUC,
    /// with tied scores counting one half (Mann–Whitney U). NaN when a class is absent.
    var area: Double {
        guard positiveCount > 0, negativeCount > 0 else { return .nan }
        var twiceArea = 0, fp = 0, tp = 0
        for t in thresholds {
            twiceArea += (t.falsePositives - fp) * (t.truePositives + tp)
            fp = t.falsePositives
            tp = t.truePositives
        }
        return Double(twiceArea) / (2 * Double(positiveCount) * Double(negativeCount))
    }

    /// A UInt32 whose unsigned order is the order of the Float (with -0 = +0).
    static func orderedBits(_ score: Float) -> UInt32 {
        let bits = (score == 0 ? 0 : score).bitPattern
        return bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
    }

    static func score(orderedBits bits: UInt32) -> Float {
        Float(bitPattern: bits & 0x8000_0000 != 0 ? bits & 0x7FFF_FFFF : ~bits)
    }
}
