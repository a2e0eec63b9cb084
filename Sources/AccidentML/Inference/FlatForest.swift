/// One node of a flattened forest, 16 bytes. Its two children are adjacent (left, then
/// right), so a step is "left + 16 × goRight". A leaf always goes left to itself (threshold
/// +infinity, missing values left), so that a walk can take a fixed number of steps (the
/// tree's depth) without testing for leaves.
struct FlatNode: Sendable, Equatable {
    /// Split value: go left when `x <= threshold`; +infinity for a leaf.
    var threshold: Float
    /// Feature tested (0 for a leaf).
    var feature: UInt16
    /// 1 when missing values go left (always for a leaf).
    var defaultLeft: UInt16
    /// Byte offset of the left child in the node array (of itself for a leaf); the right
    /// child is the next node.
    var left: Int32
    /// The leaf value (0 for an internal node).
    var leafValue: Float
}

/// The trees of a model in one contiguous node array for fast, allocation-free prediction,
/// evaluated by `FlatForest+Batch` (row blocks × trees) and `FlatForest+SingleRow`.
///
/// Each tree is laid out breadth-first from its root, siblings side by side. Tree `t` adds
/// its leaf value to score column `t % scoreColumns`; scores start at the init scores and go
/// through the objective's `ScoreLink`.
struct FlatForest: Sendable {
    let nodes: [FlatNode]
    /// Byte offset of each tree's root.
    let roots: [Int32]
    /// Steps from the root to the deepest leaf of each tree.
    let depths: [Int32]
    /// Deepest tree of each group of `treeGroup` consecutive trees (for the single-row path).
    let groupDepths: [Int32]
    let initScores: [Float]
    let scoreColumns: Int
    /// How the objective turns scores into probabilities.
    let link: ScoreLink
    let classCount: Int
    let featureCount: Int
    /// The same trees laid out for blocks of rows at once, when the model qualifies (nil: the
    /// batch path walks the trees).
    let blocked: BlockedForest?

    /// Trees walked in lockstep by the single-row path.
    static var treeGroup: Int { 8 }

    init(trees: [RegressionTree], initScores: [Double], classCount: Int, objective: BoostingObjective, featureCount: Int) {
        precondition(featureCount >= 1 && featureCount <= Int(UInt16.max), "feature count must be in 1...65535")
        precondition(MemoryLayout<FlatNode>.stride == Self.nodeStride
                     && MemoryLayout<FlatNode>.offset(of: \.feature) == Self.featureOffset
                     && MemoryLayout<FlatNode>.offset(of: \.defaultLeft) == Self.defaultLeftOffset
                     && MemoryLayout<FlatNode>.offset(of: \.left) == Self.leftOffset
                     && MemoryLayout<FlatNode>.offset(of: \.leafValue) == Self.leafValueOffset,
                     "unexpected FlatNode layout")
        let columns = objective.scoreColumns(classCount: classCount)
        precondition(initScores.count == columns && trees.count % columns == 0, "trees and init scores disagree")
        var nodes: [FlatNode] = [], roots: [Int32] = [], depths: [Int32] = [], queue: [Int32] = []
        nodes.reserveCapacity(trees.reduce(0) { $0 + $1.internalCount + $1.leafCount })
        roots.reserveCapacity(trees.count)
        depths.reserveCapacity(trees.count)
        for tree in trees {
            roots.append(Int32(nodes.count * Self.nodeStride))
            depths.append(Int32(tree.depth))
            // Breadth-first: `queue[i]` (a tree child reference) goes to node `base + i`, and
            // an internal node's children are appended to the queue together.
            let base = nodes.count
            queue.removeAll(keepingCapacity: true)
            queue.append(tree.internalCount == 0 ? ~0 : 0)
            var i = 0
            while i < queue.count {
                let ref = queue[i], me = Int32((base + i) * Self.nodeStride)
                if ref < 0 {
                    nodes.append(FlatNode(threshold: .infinity, feature: 0, defaultLeft: 1, left: me,
                                          leafValue: tree.leafValue[Int(~ref)]))
                } else {
                    let n = Int(ref)
                    nodes.append(FlatNode(threshold: tree.threshold[n], feature: UInt16(tree.splitFeature[n]),
                                          defaultLeft: tree.defaultLeft[n] ? 1 : 0,
                                          left: Int32((base + queue.count) * Self.nodeStride), leafValue: 0))
                    queue.append(tree.leftChild[n])
                    queue.append(tree.rightChild[n])
                }
                i += 1
            }
        }
        precondition(nodes.count * Self.nodeStride <= Int(Int32.max), "forest too large for 32-bit offsets")
        self.nodes = nodes
        self.roots = roots
        self.depths = depths
        groupDepths = stride(from: 0, to: depths.count, by: Self.treeGroup).map {
            depths[$0..<min($0 + Self.treeGroup, depths.count)].max()!
        }
        self.initScores = initScores.map { Float($0) }
        blocked = BlockedForest(trees: trees, initScores: self.initScores, scoreColumns: columns)
        scoreColumns = columns
        link = objective.link(classCount: classCount)
        self.classCount = classCount
        self.featureCount = featureCount
    }

    /// Byte offsets of a node's fields for the branch-free `step`, as literals so that they
    /// fold into the addressing (`init` checks them against `MemoryLayout`).
    static var nodeStride: Int { 16 }
    static var featureOffset: Int { 4 }
    static var defaultLeftOffset: Int { 6 }
    static var leftOffset: Int { 8 }
    static var leafValueOffset: Int { 12 }

    /// One step of a walk from the node at byte offset `node` for a row with values `x`,
    /// without a branch (a branch on data mispredicts about every other step): `v <= t` goes
    /// left, NaN goes left when `defaultLeft` is 1 (`!(v > t)` is true only for `v <= t` or NaN).
    @inline(__always)
    static func step(_ nodes: UnsafeRawPointer, _ node: Int32, _ x: UnsafePointer<Float>) -> Int32 {
        let p = nodes + Int(node)
        let threshold = p.load(as: Float.self)
        let v = x[Int(p.load(fromByteOffset: featureOffset, as: UInt16.self))]
        let defaultLeft = Int32(p.load(fromByteOffset: defaultLeftOffset, as: UInt16.self))
        let goLeft = (v <= threshold ? 1 : 0) | ((v > threshold ? 0 : 1) & defaultLeft)
        return p.load(fromByteOffset: leftOffset, as: Int32.self) &+ (1 &- goLeft) &* Int32(nodeStride)
    }

    /// `step` for rows known to hold no NaN: the missing-value rule is skipped.
    @inline(__always)
    static func stepNoMissing(_ nodes: UnsafeRawPointer, _ node: Int32, _ x: UnsafePointer<Float>) -> Int32 {
        let p = nodes + Int(node)
        let v = x[Int(p.load(fromByteOffset: featureOffset, as: UInt16.self))]
        let goRight: Int32 = v <= p.load(as: Float.self) ? 0 : 1
        return p.load(fromByteOffset: leftOffset, as: Int32.self) &+ goRight &* Int32(nodeStride)
    }

    /// The value of the leaf a walk ended on.
    @inline(__always)
    static func leafValue(_ nodes: UnsafeRawPointer, _ node: Int32) -> Float {
        nodes.load(fromByteOffset: Int(node) &+ leafValueOffset, as: Float.self)
    }

    /// Whether any of `count` values is NaN.
    static func containsNaN(_ x: UnsafePointer<Float>, count: Int) -> Bool {
        var any = false
        for i in 0..<count { any = any || x[i].isNaN }
        return any
    }
}
