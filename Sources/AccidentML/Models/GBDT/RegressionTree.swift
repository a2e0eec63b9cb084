/// One regression tree in plain arrays, LightGBM's layout: internal node `i` tests
/// `x[splitFeature[i]] <= threshold[i]` (missing values follow `defaultLeft[i]`); a child
/// index `c >= 0` is an internal node and `c < 0` is the leaf `~c`.
///
/// Thresholds are raw feature values, so prediction needs no binning. A tree without split
/// has no internal node and one leaf.
struct RegressionTree: Sendable, Equatable {
    var splitFeature: [Int32] = []
    var threshold: [Float] = []
    var defaultLeft: [Bool] = []
    var leftChild: [Int32] = []
    var rightChild: [Int32] = []
    /// Gain of each split (for feature importance).
    var splitGain: [Double] = []
    /// Value of each leaf, learning rate included.
    var leafValue: [Float] = [0]
    /// Training rows that reached each leaf (the cover TreeSHAP weighs paths by); empty when
    /// unknown (a model file written without its `GCOV` section).
    var leafCover: [Double] = []

    var internalCount: Int { splitFeature.count }
    var leafCount: Int { leafValue.count }
    /// Whether every leaf has a cover.
    var hasCovers: Bool { leafCover.count == leafCount }

    /// Length of the longest root-to-leaf path (0 for a single leaf).
    var depth: Int {
        func depth(of child: Int32) -> Int {
            child < 0 ? 0 : 1 + max(depth(of: leftChild[Int(child)]), depth(of: rightChild[Int(child)]))
        }
        return internalCount == 0 ? 0 : depth(of: 0)
    }

    /// Splits leaf `leaf` into itself (left) and a new leaf (right); returns the new leaf's index.
    /// `parent` is the internal node pointing to `leaf` (-1 for the root) and `isLeft` the side.
    mutating func split(leaf: Int, parent: Int, isLeft: Bool, feature: Int, threshold: Float, defaultLeft: Bool,
                        gain: Double, leftValue: Float, rightValue: Float) -> Int {
        let node = Int32(internalCount), newLeaf = leafCount
        if parent >= 0 {
            if isLeft { leftChild[parent] = node } else { rightChild[parent] = node }
        }
        splitFeature.append(Int32(feature))
        self.threshold.append(threshold)
        self.defaultLeft.append(defaultLeft)
        leftChild.append(~Int32(leaf))
        rightChild.append(~Int32(newLeaf))
        splitGain.append(gain)
        leafValue[leaf] = leftValue
        leafValue.append(rightValue)
        return newLeaf
    }

    /// The leaf reached by a row whose feature values `value(f)` returns: the plain
    /// recursive walk, the test oracle of the flattened forest.
    func leaf(_ value: (Int) -> Float) -> Int {
        func walk(_ node: Int32) -> Int {
            if node < 0 { return Int(~node) }
            let i = Int(node), v = value(Int(splitFeature[i]))
            let goLeft = v.isNaN ? defaultLeft[i] : v <= threshold[i]
            return walk(goLeft ? leftChild[i] : rightChild[i])
        }
        return internalCount == 0 ? 0 : walk(0)
    }

    /// The value of the leaf reached by a row.
    func predict(_ value: (Int) -> Float) -> Float { leafValue[leaf(value)] }
}
