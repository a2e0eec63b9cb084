import Testing
@testable import AccidentML

@Suite struct CurveMetricTests {
    /// The obviously-correct AUC: over all (positive, negative) pairs, 1 if the positive
    /// scores higher, 1/2 on a tie.
    static func pairwiseAUC(_ scores: [Float], _ positives: [Bool]) -> Double {
        var wins = 0.0, pairs = 0.0
        for i in scores.indices where positives[i] {
            for j in scores.indices where !positives[j] {
                pairs += 1
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0
            }
        }
        return wins / pairs
    }

    @Test func aucMatchesPairwiseCountingWithTiesAndSigns() {
        var rng = SplitMix64(seed: 77)
        for _ in 0..<20 {
            // Up to 1,500 rows: above `RadixSort.minimumCount` the ranking is radix-sorted.
            let n = 1 + Int(rng.next() % 1500)
            // Coarse scores give many ties; negative and signed-zero scores check the key order.
            let scores = (0..<n).map { _ in Float(Int(rng.next() % 21) - 10) / 4 * (rng.next() % 7 == 0 ? -0.0 : 1) }
            let positives = (0..<n).map { _ in rng.next() % 3 == 0 }
            let auc = ROCAUC.binaryAUC(scores: scores, positives: positives)
            if positives.allSatisfy({ $0 }) || !positives.contains(true) {
                #expect(auc.isNaN)
            } else {
                #expect(abs(auc - Self.pairwiseAUC(scores, positives)) < 1e-12)
                #expect(abs(ROCCurve(scores: scores, positives: positives).area - auc) < 1e-12)
                #expect(abs(ROCCurve(scores: scores, positives: positives, dropCollinear: false).area - auc) < 1e-12)
            }
        }
    }

    /// Scores .9(+) .8(-) .7(+) .7(-) .6(+) .2(-): thresholds .9 .8 .7 .6 .2.
    @Test func rocCurvePointsByHand() {
        let scores: [Float] = [0.9, 0.8, 0.7, 0.7, 0.6, 0.2]
        let positives = [true, false, true, false, true, false]
        let full = ROCCurve(scores: scores, positives: positives, dropCollinear: false)
        let rates = full.points.map { [$0.falsePositiveRate * 3, $0.truePositiveRate * 3] }
        #expect(rates == [[0, 0], [0, 1], [1, 1], [2, 2], [2, 3], [3, 3]])
        #expect(full.points.map(\.threshold) == [.infinity, 0.9, 0.8, 0.7, 0.6, 0.2])
        // (0,1)-(1,1) and (1,1)-(2,2) bend; every point is a corner, none is dropped.
        #expect(ROCCurve(scores: scores, positives: positives).points == full.points)
        // Area: 1/3·1/3 + 1/3·(1/3+2/3)/2 + 1/3·1 = 1/9 + 1/6 + 1/3
        #expect(abs(full.area - (1.0 / 9 + 1.0 / 6 + 1.0 / 3)) < 1e-12)
        // Three positives then three negatives: only (0,0), (0,1), (1,1) remain.
        let perfect = ROCCurve(scores: [6, 5, 4, 3, 2, 1], positives: [true, true, true, false, false, false])
        #expect(perfect.points.map { [$0.falsePositiveRate, $0.truePositiveRate] } == [[0, 0], [0, 1], [1, 1]])
        #expect(ROCCurve(scores: [1, 2], positives: [true, true]).points.isEmpty)
    }

    @Test func calibrationBinsByHand() {
        // 4 bins of width .25: (0,.25] gets .1 .2 (0 of 2 positive), (.25,.5] gets .5 (positive),
        // (.5,.75] is empty, (.75,1] gets .8 .9 1 (2 of 3 positive).
        let bins = CalibrationBins(scores: [0.1, 0.2, 0.5, 0.8, 0.9, 1], positives: [false, false, true, true, false, true],
                                   binCount: 4).bins
        #expect(bins.map(\.count) == [2, 1, 0, 3])
        // The scores are Floats: each within u |s| ≤ u of its decimal (u = Float's unit roundoff),
        // so their mean is too, plus the Double sum and division's (m + 1) ε_d (m ≤ 3 terms).
        let meanBound = Double(Float.ulpOfOne) / 2 + 4 * Double.ulpOfOne
        #expect(abs(bins[0].meanPredicted! - 0.15) <= meanBound && bins[0].observedFrequency == 0)
        #expect(abs(bins[1].meanPredicted! - 0.5) <= meanBound && bins[1].observedFrequency == 1)
        #expect(bins[2].meanPredicted == nil && bins[2].observedFrequency == nil)
        // 2 / 3 in Double: one division, within its unit roundoff.
        #expect(abs(bins[3].meanPredicted! - 0.9) <= meanBound && abs(bins[3].observedFrequency! - 2.0 / 3) <= Double.ulpOfOne / 2)
        #expect(bins[3].lowerBound == 0.75 && bins[3].upperBound == 1)
        #expect(CalibrationBins(scores: [0], positives: [false], binCount: 4).bins[0].count == 1)
        // From row-major probabilities, one class against the rest.
        let fromRows = CalibrationBins(probabilities: [0.1, 0.6, 0.3, 0.2, 0.2, 0.6], labels: [1, 2], classCount: 3,
                                       positiveClass: 2, binCount: 2)
        #expect(fromRows.bins.map(\.count) == [1, 1])
        #expect(fromRows.bins[1].observedFrequency == 1)
    }
}
