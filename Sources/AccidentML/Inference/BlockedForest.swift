/// One internal node of a `BlockedForest`, 64 bytes: its constants broadcast to 16 lanes so
/// that a step over 16 rows loads them instead of building them.
///
/// A row is "at" this node when its position (the in-order index of the leftmost leaf of the
/// subtree it has reached) equals `start`; it goes right when its threshold rank in `plane` is
/// above `threshold`, and its position then moves by `delta` (the leaves of the left subtree).
struct BlockedNode: Sendable, Equatable {
    /// Index of the node's threshold among its feature's sorted distinct thresholds, minus 128
    /// (ranks are stored biased too, so that a signed byte compare orders them).
    var threshold: SIMD16<Int8>
    /// In-order index of the leftmost leaf under the node (truncated to a byte).
    var start: SIMD16<Int8>
    /// Number of leaves of the left subtree (truncated to a byte).
    var delta: SIMD16<Int8>
    /// Byte offset of the rank plane the node reads (its feature, with NaN sent its default way).
    var plane: Int32
}

/// The trees of a model laid out to be evaluated for a block of 64 rows at once with byte
/// SIMD: each row's feature values are first replaced by their threshold ranks, exact
/// stand-ins for the comparisons the trees make, then every node is applied to 16 rows per
/// instruction. Built only when the model qualifies (see `init?`); `FlatForest` keeps the
/// plain walk as the fallback and the test oracle.
///
/// Ranks: for feature `f` with sorted distinct thresholds `t_0 < … < t_(k-1)`, `rank(x)` is the
/// number of `t_j < x`, so `x <= t_j` exactly when `rank(x) <= j` (±infinity and values equal to
/// a threshold included). Each used feature gets two planes of ranks, one with NaN at rank 0
/// (goes left everywhere) and one with NaN at rank 255 (goes right everywhere); a node reads the
/// plane of its default direction, so missing values follow it exactly.
///
/// Nodes: each tree's internal nodes in breadth-first order (a parent before its children).
/// A row's position starts at 0 and moves by `delta` when it is at a node and goes right; after
/// the last node it is the in-order index of its leaf (see `BlockedNode`).
struct BlockedForest: Sendable {
    /// Every tree's internal nodes, tree after tree.
    let nodes: [BlockedNode]
    /// End of each tree's nodes in `nodes` (its start is the previous tree's end).
    let nodeEnds: [Int32]
    /// Every tree's leaf values in in-order (left to right), tree after tree.
    let leafValues: [Float]
    /// Start of each tree's leaves in `leafValues`.
    let leafStarts: [Int32]
    /// Source column of each used feature (the features some node tests), ascending.
    let columns: [Int32]
    /// Start of each used feature's search table in `tables`.
    let tableStarts: [Int32]
    /// Binary search steps of each used feature: its table holds `2^steps - 1` values.
    let searchSteps: [Int32]
    /// Each used feature's sorted distinct thresholds, padded with +infinity to `2^steps - 1`.
    let tables: [Float]
    /// Start score of each score column.
    let initScores: [Float]
    /// Score columns; tree `t` adds to column `t % scoreColumns`.
    let scoreColumns: Int

    /// Rows per block: four 16-byte lanes of ranks per plane.
    static var blockRows: Int { 64 }
    /// Most distinct thresholds a feature may have (its ranks, and 255 for NaN, fit a byte).
    static var maxThresholds: Int { 255 }
    /// Most leaves a tree may have (a position fits a byte).
    static var maxLeaves: Int { 256 }

    /// Rank planes: two per used feature.
    var planeCount: Int { 2 * columns.count }
    /// Scratch one worker needs per block: the rank planes, then one byte of leaf index per
    /// row and tree.
    var scratchBytes: Int { (planeCount + nodeEnds.count) * Self.blockRows }

    /// Lays out `trees`, or nil when the model does not qualify: a feature with more than
    /// `maxThresholds` distinct thresholds, a NaN threshold, or a tree with more than `maxLeaves` leaves.
    init?(trees: [RegressionTree], initScores: [Float], scoreColumns: Int) {
        precondition(scoreColumns >= 1 && initScores.count == scoreColumns && trees.count % scoreColumns == 0,
                     "trees and init scores disagree")
        precondition(MemoryLayout<BlockedNode>.stride == 64, "unexpected BlockedNode layout")
        var thresholdsOf: [Int32: [Float]] = [:]
        for tree in trees {
            guard tree.leafCount <= Self.maxLeaves else { return nil }
            for (f, t) in zip(tree.splitFeature, tree.threshold) {
                guard !t.isNaN else { return nil }
                thresholdsOf[f, default: []].append(t)
            }
        }
        var columns: [Int32] = [], tableStarts: [Int32] = [], searchSteps: [Int32] = [], tables: [Float] = []
        var usedIndex: [Int32: Int] = [:]
        for f in thresholdsOf.keys.sorted() {
            var distinct: [Float] = []
            for t in thresholdsOf[f]!.sorted() where distinct.last != t { distinct.append(t) }
            guard distinct.count <= Self.maxThresholds else { return nil }
            var steps = 0
            while (1 << steps) - 1 < distinct.count { steps += 1 }
            usedIndex[f] = columns.count
            columns.append(f)
            tableStarts.append(Int32(tables.count))
            searchSteps.append(Int32(steps))
            tables += distinct + [Float](repeating: .infinity, count: (1 << steps) - 1 - distinct.count)
        }
        var nodes: [BlockedNode] = [], nodeEnds: [Int32] = [], leafValues: [Float] = [], leafStarts: [Int32] = []
        nodes.reserveCapacity(trees.reduce(0) { $0 + $1.internalCount })
        leafValues.reserveCapacity(trees.reduce(0) { $0 + $1.leafCount })
        nodeEnds.reserveCapacity(trees.count)
        leafStarts.reserveCapacity(trees.count)
        // Per-tree scratch, reused: every internal node's first leaf and left-subtree size, the
        // in-order stack, the breadth-first queue: a model load builds this layout, and allocates
        // per model, not per tree or node.
        var first: [Int] = [], leftLeaves: [Int] = [], stack: [Int32] = [], queue: [Int32] = []
        for tree in trees {
            leafStarts.append(Int32(leafValues.count))
            Self.inOrder(tree, first: &first, leftLeaves: &leftLeaves, stack: &stack, leafValues: &leafValues)
            queue.removeAll(keepingCapacity: true)
            if tree.internalCount > 0 { queue.append(0) }
            var i = 0
            while i < queue.count {
                let n = Int(queue[i]), u = usedIndex[tree.splitFeature[n]]!
                let j = tables.withUnsafeBufferPointer {
                    Self.rank(tree.threshold[n], table: $0.baseAddress! + Int(tableStarts[u]), steps: Int(searchSteps[u]))
                }
                nodes.append(BlockedNode(threshold: SIMD16(repeating: Self.biased(j)),
                                         start: SIMD16(repeating: Int8(truncatingIfNeeded: first[n])),
                                         delta: SIMD16(repeating: Int8(truncatingIfNeeded: leftLeaves[n])),
                                         plane: Int32((2 * u + (tree.defaultLeft[n] ? 0 : 1)) * Self.blockRows)))
                if tree.leftChild[n] >= 0 { queue.append(tree.leftChild[n]) }
                if tree.rightChild[n] >= 0 { queue.append(tree.rightChild[n]) }
                i += 1
            }
            nodeEnds.append(Int32(nodes.count))
        }
        self.nodes = nodes
        self.nodeEnds = nodeEnds
        self.leafValues = leafValues
        self.leafStarts = leafStarts
        self.columns = columns
        self.tableStarts = tableStarts
        self.searchSteps = searchSteps
        self.tables = tables
        self.initScores = initScores
        self.scoreColumns = scoreColumns
    }

    /// Appends `tree`'s leaf values in in-order to `leafValues` and sets, for every internal
    /// node, `first` (the in-order index of its leftmost leaf) and `leftLeaves` (the leaves of
    /// its left subtree). A depth-first walk with an explicit `stack` of the nodes whose left
    /// subtree is being walked; every array is caller scratch, so nothing is allocated per tree.
    private static func inOrder(_ tree: RegressionTree, first: inout [Int], leftLeaves: inout [Int], stack: inout [Int32],
                                leafValues: inout [Float]) {
        let base = leafValues.count
        first.removeAll(keepingCapacity: true)
        first.append(contentsOf: repeatElement(0, count: tree.internalCount))
        leftLeaves.removeAll(keepingCapacity: true)
        leftLeaves.append(contentsOf: repeatElement(0, count: tree.internalCount))
        stack.removeAll(keepingCapacity: true)
        var ref: Int32 = tree.internalCount == 0 ? ~0 : 0
        descend: while true {
            while ref >= 0 {
                first[Int(ref)] = leafValues.count - base
                stack.append(ref)
                ref = tree.leftChild[Int(ref)]
            }
            leafValues.append(tree.leafValue[Int(~ref)])
            // The top node's left subtree is done: count it, then walk its right subtree, or
            // take its right leaf and go on with the node below.
            while let top = stack.popLast() {
                let n = Int(top)
                leftLeaves[n] = leafValues.count - base - first[n]
                ref = tree.rightChild[n]
                if ref >= 0 { continue descend }
                leafValues.append(tree.leafValue[Int(~ref)])
            }
            return
        }
    }

    /// Number of values of `table` (sorted, `2^steps - 1` values) below `x`, by a branch-free
    /// binary search; 0 for NaN (it compares below nothing).
    @inline(__always)
    static func rank(_ x: Float, table: UnsafePointer<Float>, steps: Int) -> Int {
        var rank = 0, k = steps
        while k > 0 {
            k -= 1
            let half = 1 << k
            rank &+= table[rank &+ half &- 1] < x ? half : 0
        }
        return rank
    }

    /// A rank or threshold index (0...255) as the signed byte that orders like it.
    @inline(__always)
    static func biased(_ rank: Int) -> Int8 { Int8(truncatingIfNeeded: rank &- 128) }
}
