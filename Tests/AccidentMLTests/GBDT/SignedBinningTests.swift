import Testing
@testable import AccidentML

/// LightGBM's `FindBinWithZeroAsOneBin` in `FeatureBinMapper.signedBounds`: negative and
/// positive values binned apart, zero in a bin of its own (issue 15 item 3: the binning of
/// latitude and longitude, which have both signs).
@Suite struct SignedBinningTests {
    /// 1,000 distinct negative values, 10 zeros, 3,000 distinct positive values, each once.
    static let sample: [Float] = (1...1000).map { -Float($0) } + [Float](repeating: 0, count: 10) + (1...3000).map { Float($0) }

    @Test func negativeAndPositiveValuesGetBudgetsByRowCountAndZeroItsOwnBin() {
        let m = FeatureBinMapper(sample: Self.sample, maxBins: 21, minDataInBin: 3)
        // LightGBM: left budget = int(1000 / (4010 - 10) * (21 - 1)) = 5 bins, the zero bin,
        // then the rest of the 21 for the positive values.
        #expect(m.valueBinCount == 21)
        #expect(m.upperBounds[4] == -FeatureBinMapper.zeroThreshold && m.upperBounds[5] == FeatureBinMapper.zeroThreshold)
        #expect(m.bin(of: -1) == 4 && m.bin(of: 0) == 5 && m.bin(of: -0.0) == 5 && m.bin(of: 1) == 6)
        var counts = [Int](repeating: 0, count: m.valueBinCount + 1)
        for v in Self.sample { counts[m.bin(of: v)] += 1 }
        // Greedy equal-count bins of unit counts hold the mean (1000 / 5, 3000 / 15) within a row or two.
        #expect(counts[0..<5].allSatisfy { abs($0 - 200) <= 2 })
        #expect(counts[5] == 10)
        #expect(counts[6..<21].allSatisfy { abs($0 - 200) <= 2 })
        #expect(zip(m.upperBounds, m.upperBounds.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func withoutNegativeValuesTheBinsAreTheGreedyOnes() {
        let positive = Self.sample.filter { $0 >= 0 }
        let m = FeatureBinMapper(sample: positive, maxBins: 21, minDataInBin: 3)
        var distinct: [Float] = [], counts: [Int] = []
        for v in positive.sorted() {
            if distinct.last == v { counts[counts.count - 1] += 1 } else { distinct.append(v); counts.append(1) }
        }
        #expect(m.upperBounds == FeatureBinMapper.greedyBounds(distinct: distinct, counts: counts, maxBins: 21, minDataInBin: 3))
    }

    @Test func negativeValuesOnlyEndWithTheZeroBound() {
        let m = FeatureBinMapper(sample: [-5, -5, -5, -3, -3, -3, -1, -1, -1], maxBins: 255, minDataInBin: 3)
        #expect(m.upperBounds == [-4, -2, -FeatureBinMapper.zeroThreshold, .infinity])
        #expect(m.bin(of: -1) == 2 && m.bin(of: 0) == 3 && m.bin(of: 7) == 3)
    }

    @Test func fewDistinctValuesOfBothSignsStayOneBinEach() {
        let m = FeatureBinMapper(sample: [-2, -2, -2, 0, 0, 0, 3, 3, 3, .nan], maxBins: 255, minDataInBin: 3)
        #expect(m.upperBounds == [-FeatureBinMapper.zeroThreshold, FeatureBinMapper.zeroThreshold, .infinity])
        #expect(m.sampleHadMissing && m.bin(of: -2) == 0 && m.bin(of: 0) == 1 && m.bin(of: 3) == 2)
    }

    @Test func trainingUsesTheSignedBinsAndStaysDeterministic() throws {
        // Label = sign of x: the root split must separate the signs, at the zero bin's bounds.
        let x = Self.sample.filter { $0 != 0 }
        let features = FeatureMatrix<Float>(rowCount: x.count, columnNames: ["x"], storage: x)
        let data = LabeledMatrix(features: features, labels: x.map { $0 > 0 ? 1 : 0 }, classLabels: ["negative", "positive"])
        var p = GBDTParameters()
        p.rounds = 3
        let a = try GBDTTrainer(parameters: p).train(data), b = try GBDTTrainer(parameters: p).train(data)
        #expect(a == b)
        let threshold = a.trees[0].threshold[0]
        #expect(threshold == -FeatureBinMapper.zeroThreshold || threshold == FeatureBinMapper.zeroThreshold)
    }
}
