import Testing
@testable import AccidentML

@Suite struct GBDTBinningTests {
    @Test func fewDistinctValuesGetOneBinEachWithMidpointEdges() {
        let sample: [Float] = [1, 1, 1, 2, 2, 2, 4, 4, 4, .nan]
        let m = FeatureBinMapper(sample: sample, maxBins: 255, minDataInBin: 3)
        #expect(m.upperBounds == [1.5, 3, .infinity])
        #expect(m.sampleHadMissing)
        #expect(m.bin(of: 1) == 0 && m.bin(of: 1.5) == 0 && m.bin(of: 1.6) == 1)
        #expect(m.bin(of: 4) == 2 && m.bin(of: 1000) == 2 && m.bin(of: -1000) == 0)
        #expect(m.bin(of: .nan) == m.missingBin && m.missingBin == 3)
    }

    @Test func sparseValuesMergeUntilMinDataInBin() {
        // 1 and 2 occur once each: they share a bin with 3 until three rows are in it.
        let m = FeatureBinMapper(sample: [1, 2, 3, 5, 5, 5], maxBins: 255, minDataInBin: 3)
        #expect(m.upperBounds == [4, .infinity])
        #expect(!m.sampleHadMissing)
    }

    @Test func constantFeatureIsNotSplittableUnlessItHasMissingValues() {
        #expect(!FeatureBinMapper(sample: [7, 7, 7], maxBins: 255, minDataInBin: 1).isSplittable)
        #expect(FeatureBinMapper(sample: [7, .nan, 7], maxBins: 255, minDataInBin: 1).isSplittable)
    }

    @Test func manyDistinctValuesGiveRoughlyEqualQuantileBins() {
        let sample = (0..<10_000).map { Float($0) }
        let m = FeatureBinMapper(sample: sample, maxBins: 16, minDataInBin: 3)
        #expect(m.valueBinCount == 16)
        var counts = [Int](repeating: 0, count: m.valueBinCount + 1)
        for v in sample { counts[m.bin(of: v)] += 1 }
        #expect(counts.dropLast().allSatisfy { abs($0 - 625) <= 2 })
        #expect(counts.last == 0)
        #expect(zip(m.upperBounds, m.upperBounds.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func aVeryFrequentValueGetsItsOwnBin() {
        let sample = (0..<1000).map { Float($0) } + [Float](repeating: 500.25, count: 3000)
        let m = FeatureBinMapper(sample: sample, maxBins: 8, minDataInBin: 3)
        let bin = m.bin(of: 500.25)
        #expect(m.bin(of: 500) != bin && m.bin(of: 501) != bin)
    }

    @Test func binnedDatasetStoresEveryRowColumnMajor() {
        let x = FeatureMatrix<Float>(rows: [[0, 5], [1, .nan], [2, 5], [3, 6]], columnNames: ["a", "b"])
        var p = GBDTParameters()
        p.minDataInBin = 1
        let d = BinnedDataset(x, parameters: p)
        #expect(d.rowCount == 4 && d.featureCount == 2)
        #expect((0..<4).map { d.bin(row: $0, feature: 0) } == [0, 1, 2, 3])
        #expect((0..<4).map { d.bin(row: $0, feature: 1) } == [0, 2, 0, 1])
        #expect(d.bins.count == 8 && d.bins[4...] == [0, 2, 0, 1])
    }

    @Test func binSamplingIsSeededAndStillBinsEveryRow() {
        let values = (0..<5000).map { Float($0 % 997) }
        let x = FeatureMatrix<Float>(rowCount: 5000, columnNames: ["a"], storage: values)
        var p = GBDTParameters()
        p.binSampleCount = 500
        p.maxBins = 32
        let a = BinnedDataset(x, parameters: p), b = BinnedDataset(x, parameters: p)
        #expect(a.mappers == b.mappers && a.bins == b.bins)
        p.seed = 99
        #expect(BinnedDataset(x, parameters: p).mappers != a.mappers)
        #expect(a.bins.allSatisfy { Int($0) < a.mappers[0].valueBinCount })
    }

    @Test func radixSortedSampleEqualsTheStandardSort() {
        var rng = SplitMix64(seed: 41)
        let specials: [Float] = [.infinity, -.infinity, .nan, 0, -0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                                 .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1, -1]
        let sample = (0..<5000).map { i -> Float in
            i % 10 == 0 ? specials[Int(rng.next() % UInt64(specials.count))]
                : i % 3 == 0 ? Float(rng.next() % 7) : Float(rng.nextUnit() * 2000 - 1000)
        }
        let plain = sample.filter { !$0.isNaN }.map { $0 + 0 }.sorted()
        let fast = FeatureBinMapper.sortedPresentValues(sample)
        #expect(fast.map(\.bitPattern) == plain.map(\.bitPattern))
        #expect(FeatureBinMapper.sortedPresentValues([]).isEmpty && FeatureBinMapper.sortedPresentValues([.nan]).isEmpty)
    }

    @Test func columnBinningEqualsBinOfEveryValue() {
        var rng = SplitMix64(seed: 42)
        let sample = (0..<3000).map { i -> Float in i % 20 == 0 ? .nan : Float(rng.nextUnit() * 100 - 50) }
        for maxBins in [2, 3, 16, 255] {
            let m = FeatureBinMapper(sample: sample, maxBins: maxBins, minDataInBin: 3)
            let column = sample + m.upperBounds + [.infinity, -.infinity, -0.0]
            var out = [UInt8](repeating: 0, count: column.count)
            column.withUnsafeBufferPointer { c in out.withUnsafeMutableBufferPointer { m.bins(of: c, into: $0) } }
            #expect(out.map(Int.init) == column.map(m.bin(of:)))
        }
        let single = FeatureBinMapper(sample: [4, 4, .nan], maxBins: 255, minDataInBin: 1)
        var out = [UInt8](repeating: 9, count: 3)
        [Float(4), -1, .nan].withUnsafeBufferPointer { c in out.withUnsafeMutableBufferPointer { single.bins(of: c, into: $0) } }
        #expect(out == [0, 0, 1])
    }
}
