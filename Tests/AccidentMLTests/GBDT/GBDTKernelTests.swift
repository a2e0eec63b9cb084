import Foundation
import Testing
@testable import AccidentML

/// The fast split scan, partition and objectives against plain definitions.
@Suite struct GBDTKernelTests {
    /// The best split by brute force: every threshold, missing rows on either side.
    static func bruteForce(_ h: [HistogramEntry], rules: SplitRules) -> Double {
        let total = h.reduce(.zero, +), valueBins = h.count - 1
        var best = -Double.infinity
        for b in 0..<valueBins {
            let values = h[0...b].reduce(.zero, +)
            for left in [values, values + h[valueBins]] {
                let right = total - left
                guard left.z >= rules.minDataInLeaf, right.z >= rules.minDataInLeaf,
                      left.y >= rules.minSumHessian, right.y >= rules.minSumHessian else { continue }
                best = max(best, rules.leafScore(left) + rules.leafScore(right) - rules.leafScore(total))
            }
        }
        return best > rules.minGainToSplit ? best : -.infinity
    }

    @Test func splitScanFindsTheBruteForceOptimum() {
        var rng = SplitMix64(seed: 31)
        var p = GBDTParameters()
        p.minDataInLeaf = 10
        p.lambda = 0.5
        let rules = SplitRules(p)
        for trial in 0..<300 {
            let bins = 2 + Int(rng.next() % 40)
            var h = (0...bins).map { _ -> HistogramEntry in
                guard rng.nextUnit() > 0.3 else { return .zero }  // empty bins
                let count = Double(1 + rng.next() % 30)
                return [count * (rng.nextUnit() - 0.5), count * rng.nextUnit() * 0.25, count, 0]
            }
            if trial % 2 == 0 { h[bins] = .zero }  // no missing rows
            let found = h.withUnsafeBufferPointer {
                rules.bestSplit(feature: 0, histogram: $0.baseAddress!, valueBins: bins, total: $0.reduce(.zero, +))
            }
            let expected = Self.bruteForce(h, rules: rules)
            #expect(found.isValid == expected.isFinite)
            if found.isValid {
                #expect(abs(found.gain - expected) <= 1e-9 * max(1, abs(expected)))
                let gap = found.left + found.right - h.reduce(.zero, +)
                #expect((gap * gap).sum() < 1e-20)
            }
        }
    }

    @Test func partitionSplitsStablyByTheBinTable() {
        var rng = SplitMix64(seed: 32)
        let column = (0..<500).map { _ in UInt8(rng.next() % 6) }
        var partition = DataPartition(capacity: 500, maxLeaves: 4)
        let bag = (0..<500).filter { $0 % 7 != 0 }.map(Int32.init)
        partition.reset(rows: bag, rowCount: 500)
        let goesLeft = (0..<256).map { $0 <= 2 || $0 == 5 }
        column.withUnsafeBufferPointer { partition.split(leaf: 0, into: 1, column: $0.baseAddress!, goesLeft: goesLeft) }
        let left = partition.withRows(of: 0) { Array($0) }, right = partition.withRows(of: 1) { Array($0) }
        #expect(left == bag.filter { goesLeft[Int(column[Int($0)])] })
        #expect(right == bag.filter { !goesLeft[Int(column[Int($0)])] })
    }

    @Test func partitionInPartsOnTwoWorkersEqualsTheSerialOne() {
        var rng = SplitMix64(seed: 33)
        let column = (0..<10_000).map { _ in UInt8(rng.next() % 9) }  // two columns of 5000 rows
        let bag = (0..<5000).filter { $0 % 5 != 2 }.map(Int32.init)
        let goesLeft = (0..<256).map { $0 % 3 == 1 }
        func leaves(parts: Int, workers: Int) -> [[Int32]] {
            var partition = DataPartition(capacity: 5000, maxLeaves: 3)
            partition.reset(rows: bag, rowCount: 5000)
            column.withUnsafeBufferPointer {
                partition.split(leaf: 0, into: 1, column: $0.baseAddress!, goesLeft: goesLeft, parts: parts, workers: workers)
                partition.split(leaf: 1, into: 2, column: $0.baseAddress! + 5000, goesLeft: goesLeft, parts: parts,
                                workers: workers)
            }
            return (0..<3).map { leaf in partition.withRows(of: leaf) { Array($0) } }
        }
        let serial = leaves(parts: 1, workers: 1)
        #expect(serial[0] == bag.filter { goesLeft[Int(column[Int($0)])] })
        #expect(serial.map(\.count).reduce(0, +) == bag.count && serial.allSatisfy { $0.count > 500 })
        for (parts, workers) in [(2, 2), (3, 2), (4, 1)] {
            #expect(leaves(parts: parts, workers: workers) == serial)
        }
    }

    @Test func logisticGradientsArePMinusYAndPTimesOneMinusP() {
        let scores: [Double] = [-2, 0, 1.5], labels: [Int32] = [0, 1, 1], weights: [Float] = [1, 2, 1]
        var out = [SIMD2<Float>](repeating: .zero, count: 3)
        scores.withUnsafeBufferPointer { s in labels.withUnsafeBufferPointer { y in weights.withUnsafeBufferPointer { w in
            out.withUnsafeMutableBufferPointer {
                BinaryLogisticObjective().gradients(scores: s, labels: y, weights: w, rows: 0..<3, into: $0)
            }
        } } }
        for r in 0..<3 {
            let p = 1 / (1 + exp(-scores[r])), w = Double(weights[r])
            #expect(abs(Double(out[r].x) - (p - Double(labels[r])) * w) < 1e-6)
            #expect(abs(Double(out[r].y) - p * (1 - p) * w) < 1e-6)
        }
        let init0 = BinaryLogisticObjective().initialScores(labels: [0, 1, 1, 1], weights: [1, 1, 1, 1])[0]
        #expect(abs(init0 - log(3)) < 1e-12)
    }

    @Test func softmaxGradientsSumToZeroOverClasses() {
        // Two rows, three classes, column-major scores.
        let scores: [Double] = [0.5, -1, 2, 0, 0.3, 0.3], labels: [Int32] = [2, 0], weights: [Float] = [1, 1]
        var out = [SIMD2<Float>](repeating: .zero, count: 6)
        let objective = SoftmaxObjective(classCount: 3)
        scores.withUnsafeBufferPointer { s in labels.withUnsafeBufferPointer { y in weights.withUnsafeBufferPointer { w in
            out.withUnsafeMutableBufferPointer { objective.gradients(scores: s, labels: y, weights: w, rows: 0..<2, into: $0) }
        } } }
        for r in 0..<2 {
            let g = (0..<3).map { Double(out[$0 * 2 + r].x) }
            #expect(abs(g.reduce(0, +)) < 1e-6)
            #expect(g[Int(labels[r])] < 0 && (0..<3).allSatisfy { out[$0 * 2 + r].y > 0 })
        }
        let priors = objective.initialScores(labels: [0, 1, 1, 2], weights: [1, 1, 1, 1])
        #expect(abs(priors[1] - log(0.5)) < 1e-12 && abs(priors[0] - log(0.25)) < 1e-12)
    }
}
