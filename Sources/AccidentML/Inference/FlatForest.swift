/// One node of a flattened forest, 16 bytes. A leaf is a node whose children are itself and
/// whose `threshold` holds the leaf value, so that a walk can take a fixed number of steps
/// (the tree's depth) without testing for leaves.
struct FlatNode: Sendable, Equatable {
    /// Split value (go left when `x <= threshold`), or the leaf value.
    var threshold: Float
    /// Feature tested (0 for a leaf).
    var feature: UInt16
    /// 1 when missing values go left.
    var defaultLeft: UInt16
    /// Absolute indices of the children in the forest's node array.
    var left: Int32
    var right: Int32
}

/// The trees of a model in one contiguous node array for fast, allocation-free prediction,
/// evaluated by `FlatForest+Batch` (row blocks × trees) and `FlatForest+SingleRow`.
///
/// Tree `t` adds its leaf value to score column `t % scoreColumns`; scores start at the
/// init scores and go through `ScoreLink`.
struct FlatForest: Sendable {
    let nodes: [FlatNode]
    /// Root node of each tree.
    let roots: [Int32]
    /// Steps from the root to the deepest leaf of each tree.
    let depths: [Int32]
    /// Deepest tree of each group of `treeGroup` consecutive trees (for the single-row path).
    let groupDepths: [Int32]
    let initScores: [Float]
    let scoreColumns: Int
    let classCount: Int
    let featureCount: Int

    /// Trees walked in lockstep by the single-row path.
    static let treeGroup = 8

    init(trees: [RegressionTree], initScores: [Double], classCount: Int, featureCount: Int) {
        precondition(featureCount >= 1 && featureCount <= Int(UInt16.max), "feature count must be in 1...65535")
        let columns = classCount == 2 ? 1 : classCount
        precondition(initScores.count == columns && trees.count % columns == 0, "trees and init scores disagree")
        var nodes: [FlatNode] = [], roots: [Int32] = [], depths: [Int32] = []
        for tree in trees {
            let base = Int32(nodes.count), leafBase = base + Int32(tree.internalCount)
            func index(_ child: Int32) -> Int32 { child >= 0 ? base + child : leafBase + ~child }
            for i in 0..<tree.internalCount {
                nodes.append(FlatNode(threshold: tree.threshold[i], feature: UInt16(tree.splitFeature[i]),
                                      defaultLeft: tree.defaultLeft[i] ? 1 : 0,
                                      left: index(tree.leftChild[i]), right: index(tree.rightChild[i])))
            }
            for (l, value) in tree.leafValue.enumerated() {
                let me = leafBase + Int32(l)
                nodes.append(FlatNode(threshold: value, feature: 0, defaultLeft: 0, left: me, right: me))
            }
            roots.append(base)
            depths.append(Int32(tree.depth))
        }
        self.nodes = nodes
        self.roots = roots
        self.depths = depths
        groupDepths = stride(from: 0, to: depths.count, by: Self.treeGroup).map {
            depths[$0..<min($0 + Self.treeGroup, depths.count)].max()!
        }
        self.initScores = initScores.map { Float($0) }
        scoreColumns = columns
        self.classCount = classCount
        self.featureCount = featureCount
    }

    /// One step of a walk: the child of `node` that a row with values `x` goes to.
    @inline(__always)
    static func step(_ node: FlatNode, _ x: UnsafePointer<Float>) -> Int32 {
        let v = x[Int(node.feature)]
        let goLeft = (v <= node.threshold) || (node.defaultLeft != 0 && v.isNaN)
        return goLeft ? node.left : node.right
    }
}
