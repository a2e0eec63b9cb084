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

    // Hot buffers, owned by the learner (allocated once, freed in deinit) so that the
    // parallel kernels get plain pointers.
    /// The bins again, row-major (`featureCount` bytes per row), for `buildRowWise`.
    private let rowBins: UnsafeMutableBufferPointer<UInt8>
    /// `layout.offsets`.
    private let offsets: UnsafeMutableBufferPointer<Int>
    /// The (g, h, 1, 0) of the leaf being built, in partition order.
    private let ordered: UnsafeMutableBufferPointer<GradientEntry>
    /// One histogram slot per leaf (`numLeaves * layout.totalBins`).
    private let histograms: UnsafeMutableBufferPointer<HistogramEntry>
    /// Float block sums of each worker, laid out like one histogram.
    private let floatScratch: UnsafeMutableBufferPointer<GradientEntry>
    /// Best split per feature of the smaller child, then of the larger one.
    private let candidates: UnsafeMutableBufferPointer<SplitCandidate>

    init(dataset: BinnedDataset, parameters p: GBDTParameters) {
        self.dataset = dataset
        layout = HistogramLayout(mappers: dataset.mappers)
        rules = SplitRules(p)
        numLeaves = p.numLeaves
        maxDepth = p.maxDepth
        learningRate = p.learningRate
        workers = p.threads
        let n = dataset.rowCount, d = dataset.featureCount
        rowBins = .allocate(capacity: n * d)
        for f in 0..<d { for r in 0..<n { rowBins[r * d + f] = dataset.bins[f * n + r] } }
        offsets = .allocate(capacity: layout.offsets.count)
        _ = offsets.initialize(from: layout.offsets)
        partition = DataPartition(capacity: n, maxLeaves: p.numLeaves)
        ordered = .allocate(capacity: n)
        ordered.initialize(repeating: .zero)
        histograms = .allocate(capacity: p.numLeaves * layout.totalBins)
        histograms.initialize(repeating: .zero)
        floatScratch = .allocate(capacity: p.threads * layout.totalBins)
        floatScratch.initialize(repeating: .zero)
        candidates = .allocate(capacity: 2 * d)
        candidates.initialize(repeating: SplitCandidate())
        leafSlot = [Int](repeating: 0, count: p.numLeaves)
        leafSums = [HistogramEntry](repeating: .zero, count: p.numLeaves)
        leafDepth = [Int](repeating: 0, count: p.numLeaves)
        leafBest = [SplitCandidate](repeating: SplitCandidate(), count: p.numLeaves)
        leafParent = [Int](repeating: -1, count: p.numLeaves)
        leafIsLeft = [Bool](repeating: false, count: p.numLeaves)
    }

    deinit {
        for buffer in [UnsafeMutableRawBufferPointer(rowBins), UnsafeMutableRawBufferPointer(offsets),
                       UnsafeMutableRawBufferPointer(ordered), UnsafeMutableRawBufferPointer(histograms),
                       UnsafeMutableRawBufferPointer(floatScratch), UnsafeMutableRawBufferPointer(candidates)] {
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
        leafSums[0] = gatherOrdered(leaf: 0, gradients: gradients)
        tree.leafValue[0] = Float(rules.leafOutput(leafSums[0]) * learningRate)
        leafBest[0] = canSplit(0) ? findSplits(smaller: 0, larger: nil, features: features).smaller : SplitCandidate()

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
            _ = gatherOrdered(leaf: smaller, gradients: gradients)
            let found = findSplits(smaller: smaller, larger: larger, features: features)
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
        let goesLeft = (0..<256).map { $0 <= c.thresholdBin || ($0 == mapper.missingBin && c.defaultLeft) }
        dataset.bins.withUnsafeBufferPointer { bins in
            partition.split(leaf: leaf, into: newLeaf, column: bins.baseAddress! + c.feature * dataset.rowCount,
                            goesLeft: goesLeft)
        }
        leafSums[leaf] = c.left
        leafSums[newLeaf] = c.right
        leafDepth[newLeaf] = leafDepth[leaf] + 1
        leafDepth[leaf] += 1
        leafParent[leaf] = node; leafIsLeft[leaf] = true
        leafParent[newLeaf] = node; leafIsLeft[newLeaf] = false
        return newLeaf
    }

    /// Gathers the leaf's (g, h, 1, 0) in partition order into `ordered`; returns their sum.
    private func gatherOrdered(leaf: Int, gradients: UnsafeBufferPointer<SIMD2<Float>>) -> HistogramEntry {
        partition.withRows(of: leaf) { rows in
            var sum = HistogramEntry.zero
            for (i, r) in rows.enumerated() {
                let gh = gradients[Int(r)]
                let e = GradientEntry(gh.x, gh.y, 1, 0)
                ordered[i] = e
                sum += HistogramEntry(e)
            }
            return sum
        }
    }

    /// Builds the histograms of `smaller` (its rows already gathered), derives those of
    /// `larger` by subtraction from their parent's slot, and returns each child's best split
    /// (invalid for a child that may not split).
    private func findSplits(smaller: Int, larger: Int?, features: [Int])
        -> (smaller: SplitCandidate, larger: SplitCandidate) {
        let featureCount = dataset.featureCount, total = layout.totalBins
        let splitSmaller = canSplit(smaller), splitLarger = larger.map(canSplit) ?? false
        let smallSums = leafSums[smaller], largeSums = larger.map { leafSums[$0] } ?? .zero
        let smallBase = leafSlot[smaller] * total, largeBase = larger.map { leafSlot[$0] * total } ?? 0
        let rowCount = partition.count[smaller]
        // Each worker takes a contiguous chunk of the features: builds their histograms for
        // the smaller child, subtracts them for the larger one, and finds both best splits.
        let chunks = rowCount * features.count >= 65_536 ? min(workers, features.count) : 1
        let ordered = UnsafeBufferPointer(rebasing: self.ordered[0..<rowCount])
        let rowBins = UnsafePointer(self.rowBins.baseAddress!), offsets = UnsafePointer(self.offsets.baseAddress!)
        let hist = histograms.baseAddress!, scratch = floatScratch.baseAddress!, out = candidates
        let rules = self.rules
        partition.withRows(of: smaller) { rows in
            features.withUnsafeBufferPointer { features in
                ParallelWork.forEach(count: chunks, workers: chunks) { chunk, worker in
                    let mine = UnsafeBufferPointer(rebasing: features[
                        (chunk * features.count / chunks)..<((chunk + 1) * features.count / chunks)])
                    let small = hist + smallBase
                    HistogramKernels.buildRowWise(rowBins: rowBins, featureCount: featureCount, rows: rows,
                                                  ordered: ordered, features: mine, offsets: offsets, into: small,
                                                  scratch: scratch + worker * total)
                    for f in mine {
                        let off = offsets[f], binCount = offsets[f + 1] - off
                        out[f] = splitSmaller
                            ? rules.bestSplit(feature: f, histogram: small + off, valueBins: binCount - 1,
                                              total: smallSums)
                            : SplitCandidate()
                        guard larger != nil else { continue }
                        let large = hist + largeBase + off
                        HistogramKernels.subtract(small + off, from: large, count: binCount)
                        out[featureCount + f] = splitLarger
                            ? rules.bestSplit(feature: f, histogram: large, valueBins: binCount - 1, total: largeSums)
                            : SplitCandidate()
                    }
                }
            }
        }
        var bestSmall = SplitCandidate(), bestLarge = SplitCandidate()
        for f in features {
            if candidates[f].beats(bestSmall) { bestSmall = candidates[f] }
            if larger != nil, candidates[featureCount + f].beats(bestLarge) { bestLarge = candidates[featureCount + f] }
        }
        return (bestSmall, bestLarge)
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
