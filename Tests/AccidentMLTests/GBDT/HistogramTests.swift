import Testing
@testable import AccidentML

@Suite struct GBDTHistogramTests {
    static func setup(rows: Int) -> (BinnedDataset, HistogramLayout, [SIMD2<Float>]) {
        let data = GBDTTestData.mixed(rows: rows, seed: 5)
        var p = GBDTParameters()
        p.maxBins = 63
        let d = BinnedDataset(data.features, parameters: p)
        var rng = SplitMix64(seed: 11)
        let g = (0..<rows).map { _ in SIMD2<Float>(Float(rng.nextUnit() - 0.5), Float(rng.nextUnit() * 0.25)) }
        return (d, HistogramLayout(mappers: d.mappers), g)
    }

    /// The fast kernel over the given rows, default bins restored.
    static func fast(_ d: BinnedDataset, _ layout: HistogramLayout, _ g: [SIMD2<Float>], rows: [Int32]) -> [HistogramEntry] {
        let sparse = SparseRowBins<UInt16>(d, layout: layout)
        var hist = [HistogramEntry](repeating: HistogramEntry(repeating: .nan), count: layout.totalBins)
        var scratch = [GradientEntry](repeating: GradientEntry(repeating: .nan), count: layout.totalBins + 1)
        let total = sparse.rowStart.withUnsafeBufferPointer { start in
            sparse.entries.withUnsafeBufferPointer { entries in
                rows.withUnsafeBufferPointer { r in
                    hist.withUnsafeMutableBufferPointer { h in
                        HistogramKernels.buildSparse(rowStart: start, entries: entries, rows: r, gradients: g,
                                                     binCount: layout.totalBins, into: h.baseAddress!,
                                                     scratch: &scratch)
                    }
                }
            }
        }
        hist.withUnsafeMutableBufferPointer {
            HistogramKernels.restoreDefaultBins($0.baseAddress!, offsets: layout.offsets,
                                                defaultBins: sparse.defaultBins, total: total)
        }
        return hist
    }

    /// Largest difference between two histograms, relative to 1 + |value| (the fast kernel
    /// sums rows in Float blocks, so it matches to Float precision).
    static func maxError(_ a: [HistogramEntry], _ b: [HistogramEntry]) -> Double {
        precondition(a.count == b.count)
        return zip(a, b).reduce(0) { worst, pair in
            let d = pair.0 - pair.1
            return max(worst, (0..<4).map { abs(d[$0]) / (1 + abs(pair.1[$0])) }.max()!)
        }
    }

    @Test func fastBuildMatchesThePlainDefinition() {
        // 600 rows fit one Float block, 9,000 rows take three.
        let (d, layout, g) = Self.setup(rows: 9001)
        for rows in [(0..<900).filter { $0 % 3 != 1 }, (0..<9001).filter { $0 != 5 }].map({ $0.map(Int32.init) }) {
            let plain = HistogramKernels.buildPlain(dataset: d, rows: rows, gradients: g, layout: layout)
            #expect(Self.maxError(Self.fast(d, layout, g, rows: rows), plain) < 1e-5)
        }
        let rows = (0..<900).map(Int32.init)
        let plain = HistogramKernels.buildPlain(dataset: d, rows: rows, gradients: g, layout: layout)
        #expect(plain[0..<layout.offsets[1]].reduce(0) { $0 + $1.z } == Double(rows.count))
    }

    @Test func sparseRowsHoldEveryBinButEachFeaturesMostFrequentOne() {
        let (d, layout, _) = Self.setup(rows: 3000)
        let sparse = SparseRowBins<UInt16>(d, layout: layout), wide = SparseRowBins<UInt32>(d, layout: layout)
        var stored = 0
        for f in 0..<d.featureCount {
            var counts = [Int](repeating: 0, count: layout.offsets[f + 1] - layout.offsets[f])
            for r in 0..<d.rowCount { counts[d.bin(row: r, feature: f)] += 1 }
            let mode = counts.firstIndex(of: counts.max()!)!
            #expect(sparse.defaultBins[f] == layout.offsets[f] + mode)
            stored += d.rowCount - counts[mode]
        }
        for r in 0..<d.rowCount {
            let expected = (0..<d.featureCount).map { layout.offsets[$0] + d.bin(row: r, feature: $0) }
                .filter { !sparse.defaultBins.contains($0) }
            let row = sparse.entries[Int(sparse.rowStart[r])..<Int(sparse.rowStart[r + 1])].map(Int.init)
            #expect(row == expected)
        }
        #expect(sparse.entries.count == stored + 1 && stored > 0 && stored < d.rowCount * d.featureCount)
        #expect(wide.entries.map(Int.init) == sparse.entries.map(Int.init) && wide.rowStart == sparse.rowStart)
    }

    @Test func subtractionEqualsDirectConstructionOfTheSibling() {
        let (d, layout, g) = Self.setup(rows: 6000)
        let all = (0..<6000).map(Int32.init)
        let small = all.filter { d.bin(row: Int($0), feature: 0) < 5 }
        let large = all.filter { d.bin(row: Int($0), feature: 0) >= 5 }
        var parent = Self.fast(d, layout, g, rows: all)
        let smallHist = Self.fast(d, layout, g, rows: small)
        parent.withUnsafeMutableBufferPointer { p in
            HistogramKernels.subtract(smallHist, from: p.baseAddress!, count: layout.totalBins)
        }
        #expect(Self.maxError(parent, Self.fast(d, layout, g, rows: large)) < 1e-5)
        #expect(small.count > 100 && large.count > small.count)
    }

    @Test func bestSplitFindsTheOnlyInformativeThresholdAndMissingSide() {
        // Bins 0, 1 have gradient -1 per row, bin 2 +1, missing rows +1: best is "bin <= 1",
        // missing going right with bin 2.
        let h: [HistogramEntry] = [[-30, 30, 30, 0], [-30, 30, 30, 0], [30, 30, 30, 0], [10, 10, 10, 0]]
        let total = h.reduce(.zero, +)
        var p = GBDTParameters()
        p.minDataInLeaf = 5
        let c = h.withUnsafeBufferPointer {
            SplitRules(p).bestSplit(feature: 4, histogram: $0.baseAddress!, valueBins: 3, total: total)
        }
        #expect(c.isValid && c.feature == 4 && c.thresholdBin == 1 && !c.defaultLeft)
        #expect(c.left == h[0] + h[1] && c.right == h[2] + h[3])
        p.minDataInLeaf = 61
        let none = h.withUnsafeBufferPointer {
            SplitRules(p).bestSplit(feature: 4, histogram: $0.baseAddress!, valueBins: 3, total: total)
        }
        #expect(!none.isValid)
    }
}
