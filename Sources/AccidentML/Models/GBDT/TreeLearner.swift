/// Grows one tree leaf-wise on a `BinnedDataset` (LightGBM's serial tree learner): the leaf
/// with the best split is split next, the smaller child's histograms are built from its rows
/// and the larger child's are the parent's minus the smaller's.
///
/// Holds every buffer between trees, so growing allocates only the tree itself.
final class TreeLearner {
    let dataset: BinnedDataset
    let layout: HistogramLayout
    let rules: SplitRules
    let numLeaves: Int
    let maxDepth: Int
    let learningRate: Double
    let workers: Int

    private(set) var partition: DataPartition
    private var leafSlot: [Int], leafSums: [HistogramEntry], leafDepth: [Int]
    private var leafBest: [SplitCandidate], leafParent: [Int], leafIsLeft: [Bool]
    /// The threshold bin of each split of the last tree, for rows outside its partition.
    private(set) var splitBins: [Int] = []

    /// The bins row by row without default bins, what histograms are built from.
    private let rowStorage: RowStorage
    /// `layout.offsets`.
    private let offsets: [Int]

    // Hot buffers, owned by the learner (allocated once, freed in deinit) so that the
    // parallel kernels get plain pointers.
    /// One histogram slot per leaf (`numLeaves * layout.totalBins`).
    private let histograms: UnsafeMutableBufferPointer<HistogramEntry>
    /// The histogram of each row part of a large leaf (`maxParts * layout.totalBins`).
    private let partHistograms: UnsafeMutableBufferPointer<HistogramEntry>
    /// The row total of each part.
    private let partTotals: UnsafeMutableBufferPointer<HistogramEntry>
    /// Float block sums of each worker, laid out like one histogram plus a sink entry.
    private let floatScratch: UnsafeMutableBufferPointer<GradientEntry>

    /// The sparse rows with the narrowest index type that addresses every bin.
    private enum RowStorage {
        case narrow(SparseRowBins<UInt16>)
        case wide(SparseRowBins<UInt32>)

        /// Each feature's default (omitted) bin.
        var defaultBins: [Int] {
            switch self {
            case let .narrow(s): s.defaultBins
            case let .wide(s): s.defaultBins
            }
        }

        /// `SparseRowBins.buildHistogram` over whichever storage this is.
        func buildHistogram(rows: UnsafeBufferPointer<Int32>, gradients: UnsafePointer<SIMD2<Float>>, binCount: Int,
                            into hist: UnsafeMutablePointer<HistogramEntry>,
                            scratch: UnsafeMutablePointer<GradientEntry>) -> HistogramEntry {
            switch self {
            case let .narrow(s): s.buildHistogram(rows: rows, gradients: gradients, binCount: binCount, into: hist,
                                                  scratch: scratch)
            case let .wide(s): s.buildHistogram(rows: rows, gradients: gradients, binCount: binCount, into: hist,
                                                scratch: scratch)
            }
        }
    }

    /// Row parts of a leaf's histogram: a leaf's rows are cut into this many contiguous parts
    /// (one per 8,192 rows, at most `maxParts`) by its row count alone, never by the thread
    /// count, so that the sums, hence the trees, are the same for any number of threads; the
    /// workers take the parts as they become free, each part builds its own histogram, and
    /// the parts are added in order. A part of fewer rows would cost about what waking a
    /// worker does. Partitions, 4 times cheaper per row, are cut the same way from 65,536 rows.
    static func partCount(rows: Int) -> Int { min(maxParts, max(1, rows / 8192)) }
    static let maxParts = 8
    /// Rows from which the cheap per-row passes (a leaf's partition, the score update) are
    /// shared among the workers: below it, waking a worker costs about what it would save.
    static let parallelPassRows = 65_536
    /// Parts of a leaf's partition: one below `parallelPassRows`, else as many as its histogram's.
    static func partitionParts(rows: Int) -> Int { rows < parallelPassRows ? 1 : partCount(rows: rows) }

    init(dataset: BinnedDataset, parameters p: GBDTParameters) {
        self.dataset = dataset
        layout = HistogramLayout(mappers: dataset.mappers)
        rules = SplitRules(p)
        numLeaves = p.numLeaves
        maxDepth = p.maxDepth
        learningRate = p.learningRate
        workers = p.threads
        let n = dataset.rowCount, total = layout.totalBins
        rowStorage = SparseRowBins<UInt16>.fits(layout) ? .narrow(SparseRowBins(dataset, layout: layout))
            : .wide(SparseRowBins(dataset, layout: layout))
        offsets = layout.offsets
        partition = DataPartition(capacity: n, maxLeaves: p.numLeaves)
        histograms = .allocate(capacity: p.numLeaves * total)
        histograms.initialize(repeating: .zero)
        partHistograms = .allocate(capacity: Self.maxParts * total)
        partHistograms.initialize(repeating: .zero)
        partTotals = .allocate(capacity: Self.maxParts)
        partTotals.initialize(repeating: .zero)
        floatScratch = .allocate(capacity: p.threads * (total + 1))
        floatScratch.initialize(repeating: .zero)
        leafSlot = [Int](repeating: 0, count: p.numLeaves)
        leafSums = [HistogramEntry](repeating: .zero, count: p.numLeaves)
        leafDepth = [Int](repeating: 0, count: p.numLeaves)
        leafBest = [SplitCandidate](repeating: SplitCandidate(), count: p.numLeaves)
        leafParent = [Int](repeating: -1, count: p.numLeaves)
        leafIsLeft = [Bool](repeating: false, count: p.numLeaves)
    }

    deinit {
        for buffer in [UnsafeMutableRawBufferPointer(histograms), UnsafeMutableRawBufferPointer(partHistograms),
                       UnsafeMutableRawBufferPointer(partTotals), UnsafeMutableRawBufferPointer(floatScratch)] {
            buffer.deallocate()
        }
    }

    /// Grows a tree on `gradients` (one (g, h) per dataset row) over `rows` (increasing; nil
    /// for all rows), splitting only on `features`.
    func grow(gradients: UnsafeBufferPointer<SIMD2<Float>>, rows: [Int32]?, features: [Int]) -> RegressionTree {
        partition.reset(rows: rows, rowCount: dataset.rowCount)
        var tree = RegressionTree()
        splitBins = []
        leafSlot[0] = 0
        leafDepth[0] = 0
        leafParent[0] = -1
        leafBest[0] = findSplits(smaller: 0, larger: nil, features: features, gradients: gradients).smaller
        tree.leafValue[0] = Float(rules.leafOutput(leafSums[0]) * learningRate)

        while tree.leafCount < numLeaves {
            var bestLeaf = -1
            for l in 0..<tree.leafCount where leafBest[l].isValid {
                if bestLeaf < 0 || leafBest[l].gain > leafBest[bestLeaf].gain { bestLeaf = l }
            }
            guard bestLeaf >= 0 else { break }
            let newLeaf = applySplit(leaf: bestLeaf, to: &tree)
            if tree.leafCount == numLeaves { break }
            let left = bestLeaf, right = newLeaf
            guard canSplit(left) || canSplit(right) else {
                leafBest[left] = SplitCandidate(); leafBest[right] = SplitCandidate()
                continue
            }
            let (smaller, larger) = partition.count[left] <= partition.count[right] ? (left, right) : (right, left)
            leafSlot[larger] = leafSlot[left]
            leafSlot[smaller] = newLeaf
            let found = findSplits(smaller: smaller, larger: larger, features: features, gradients: gradients)
            leafBest[smaller] = found.smaller
            leafBest[larger] = found.larger
        }
        tree.leafCover = (0..<tree.leafCount).map { Double(partition.count[$0]) }
        return tree
    }

    /// Whether a leaf may still be split (depth and size limits).
    private func canSplit(_ leaf: Int) -> Bool {
        (maxDepth <= 0 || leafDepth[leaf] < maxDepth) && Double(partition.count[leaf]) >= 2 * rules.minDataInLeaf
    }

    /// Splits `leaf` by its best candidate: tree, partition and per-leaf state.
    private func applySplit(leaf: Int, to tree: inout RegressionTree) -> Int {
        let c = leafBest[leaf]
        let mapper = dataset.mappers[c.feature]
        let node = tree.internalCount
        let newLeaf = tree.split(leaf: leaf, parent: leafParent[leaf], isLeft: leafIsLeft[leaf], feature: c.feature,
                                 threshold: mapper.upperBounds[c.thresholdBin], defaultLeft: c.defaultLeft, gain: c.gain,
                                 leftValue: Float(rules.leafOutput(c.left) * learningRate),
                                 rightValue: Float(rules.leafOutput(c.right) * learningRate))
        splitBins.append(c.thresholdBin)
        let rows = partition.count[leaf]
        let goesLeft = (0..<256).map { $0 <= c.thresholdBin || ($0 == mapper.missingBin && c.defaultLeft) }
        dataset.bins.withUnsafeBufferPointer { bins in
            partition.split(leaf: leaf, into: newLeaf, column: bins.baseAddress! + c.feature * dataset.rowCount,
                            goesLeft: goesLeft, parts: Self.partitionParts(rows: rows), workers: workers)
        }
        leafSums[leaf] = c.left
        leafSums[newLeaf] = c.right
        leafDepth[newLeaf] = leafDepth[leaf] + 1
        leafDepth[leaf] += 1
        leafParent[leaf] = node; leafIsLeft[leaf] = true
        leafParent[newLeaf] = node; leafIsLeft[newLeaf] = false
        return newLeaf
    }

    /// Builds the histograms of `smaller` from its rows (and sets its sums), derives those of
    /// `larger` by subtraction from their parent's slot, and returns each child's best split
    /// (invalid for a child that may not split).
    private func findSplits(smaller: Int, larger: Int?, features: [Int], gradients: UnsafeBufferPointer<SIMD2<Float>>)
        -> (smaller: SplitCandidate, larger: SplitCandidate) {
        let total = layout.totalBins
        let small = histograms.baseAddress! + leafSlot[smaller] * total
        let rowCount = partition.count[smaller], parts = Self.partCount(rows: rowCount)
        let scratch = floatScratch.baseAddress!, partHist = partHistograms.baseAddress!, partTotals = self.partTotals
        let g = gradients.baseAddress!
        partition.withRows(of: smaller) { rows in
            ParallelWork.forEachDynamic(count: parts, workers: workers) { part, worker in
                let mine = UnsafeBufferPointer(rebasing: rows[(part * rowCount / parts)..<((part + 1) * rowCount / parts)])
                let into = parts == 1 ? small : partHist + part * total
                partTotals[part] = rowStorage.buildHistogram(rows: mine, gradients: g, binCount: total, into: into,
                                                             scratch: scratch + worker * (total + 1))
            }
        }
        var smallSums = partTotals[0]
        if parts > 1 {
            for p in 1..<parts { smallSums += partTotals[p] }
            for b in 0..<total {
                var sum = partHist[b]
                for p in 1..<parts { sum += partHist[p * total + b] }
                small[b] = sum
            }
        }
        HistogramKernels.restoreDefaultBins(small, offsets: offsets, defaultBins: rowStorage.defaultBins, total: smallSums)
        leafSums[smaller] = smallSums
        var bestSmall = SplitCandidate(), bestLarge = SplitCandidate()
        if canSplit(smaller) { bestSmall = bestSplit(histogram: small, total: smallSums, features: features) }
        if let larger {
            let large = histograms.baseAddress! + leafSlot[larger] * total
            HistogramKernels.subtract(small, from: large, count: total)
            if canSplit(larger) { bestLarge = bestSplit(histogram: large, total: leafSums[larger], features: features) }
        }
        return (bestSmall, bestLarge)
    }

    /// The best split of one leaf's histogram over `features`.
    private func bestSplit(histogram: UnsafePointer<HistogramEntry>, total: HistogramEntry,
                           features: [Int]) -> SplitCandidate {
        var best = SplitCandidate()
        for f in features {
            let off = offsets[f]
            let c = rules.bestSplit(feature: f, histogram: histogram + off, valueBins: offsets[f + 1] - off - 1,
                                    total: total)
            if c.beats(best) { best = c }
        }
        return best
    }

    /// The leaf of the last grown tree that dataset row `row` falls in, walking binned thresholds.
    func binnedLeaf(of tree: RegressionTree, row: Int) -> Int {
        guard tree.internalCount > 0 else { return 0 }
        var node: Int32 = 0
        while node >= 0 {
            let i = Int(node), f = Int(tree.splitFeature[i])
            let bin = dataset.bin(row: row, feature: f)
            let goLeft = bin == dataset.mappers[f].missingBin ? tree.defaultLeft[i] : bin <= splitBins[i]
            node = goLeft ? tree.leftChild[i] : tree.rightChild[i]
        }
        return Int(~node)
    }
}
