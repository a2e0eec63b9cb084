/// Exact SHAP values of a forest's raw scores by path-dependent TreeSHAP (Lundberg, Erion & Lee,
/// "Consistent individualized feature attribution for tree ensembles", 2018, Algorithm 2; the
/// same recursion as LightGBM's `Tree::TreeSHAP` and the `shap` package).
///
/// A feature's value is the Shapley value of the game whose payoff for a set S of known features
/// is the tree's expected output given `x_S`, where unknown features follow the training rows
/// (each branch weighted by the share of training rows, the cover, that went down it). The
/// values and the expected output add up exactly to the raw score. Cost per tree:
/// O(leaves · depth²), with no allocation beyond one scratch path per call.
extension GBDTModel {
    /// Whether every tree knows its covers, so `contributions(row:)` can explain predictions
    /// (models trained by this library do; a file without its `GCOV` section does not).
    public var hasCovers: Bool { trees.allSatisfy(\.hasCovers) }

    /// The SHAP values of one row (count `featureCount`, NaN = missing) for each score column:
    /// baseline = init score + the trees' expected outputs, one value per feature.
    public func contributions(row: UnsafeBufferPointer<Float>) -> [ScoreContributions.Score] {
        precondition(hasCovers, "the trees have no covers; check hasCovers first")
        precondition(row.count == featureCount, "the row has \(row.count) values, the model expects \(featureCount)")
        let d = featureCount
        var phi = [Double](repeating: 0, count: scoreColumns * d)
        var baselines = initScores
        var scratch = TreeSHAP(maxDepth: trees.map(\.depth).max() ?? 0)
        phi.withUnsafeMutableBufferPointer { phi in
            for (t, tree) in trees.enumerated() {
                let k = t % scoreColumns
                baselines[k] += TreeSHAP.expectedValue(tree)
                scratch.add(tree, row: row, into: phi.baseAddress! + k * d)
            }
        }
        return (0..<scoreColumns).map { k in
            ScoreContributions.Score(classIndex: scoreColumns == 1 ? 1 : k, baseline: baselines[k],
                                     values: Array(phi[(k * d)..<((k + 1) * d)]))
        }
    }
}

/// The TreeSHAP recursion with its scratch memory: the unique path of every recursion level,
/// laid one after the other (level `l` copies its parent's path and extends it by one element).
struct TreeSHAP {
    /// One feature on the path from the root: the fraction of "feature unknown" paths (cover
    /// share) and of "feature known" paths (1 when x goes this way, else 0) that flow through,
    /// and the permutation weight of subsets of this size.
    struct PathElement {
        var feature: Int32 = -1
        var zeroFraction = 0.0
        var oneFraction = 0.0
        var weight = 0.0
    }

    private var path: [PathElement]
    /// Covers of the internal nodes of the tree being explained.
    private var internalCovers: [Double] = []

    /// Scratch for trees of depth at most `maxDepth`: level `l` starts at most at l(l+1)/2 and
    /// holds l + 1 elements, so (D + 1)(D + 2)/2 elements suffice.
    init(maxDepth: Int) {
        path = [PathElement](repeating: PathElement(), count: (maxDepth + 1) * (maxDepth + 2) / 2 + 1)
    }

    /// The tree's output averaged over its training rows (leaf values weighted by cover).
    static func expectedValue(_ tree: RegressionTree) -> Double {
        var weighted = 0.0, total = 0.0
        for (value, cover) in zip(tree.leafValue, tree.leafCover) {
            weighted += Double(value) * cover
            total += cover
        }
        return weighted / total
    }

    /// Adds the tree's SHAP values for row `x` to `phi` (one slot per feature).
    mutating func add(_ tree: RegressionTree, row x: UnsafeBufferPointer<Float>, into phi: UnsafeMutablePointer<Double>) {
        guard tree.internalCount > 0 else { return }  // a single leaf is all baseline
        internalCovers.removeAll(keepingCapacity: true)
        internalCovers.append(contentsOf: repeatElement(0, count: tree.internalCount))
        for i in stride(from: tree.internalCount - 1, through: 0, by: -1) {  // children come after parents
            internalCovers[i] = Self.cover(tree.leftChild[i], tree, internalCovers)
                + Self.cover(tree.rightChild[i], tree, internalCovers)
        }
        let covers = internalCovers
        path.withUnsafeMutableBufferPointer { path in
            covers.withUnsafeBufferPointer { covers in
                Self.recurse(Walk(tree: tree, x: x, phi: phi, covers: covers), node: 0, depth: 0,
                             parentPath: path.baseAddress!, zero: 1, one: 1, feature: -1)
            }
        }
    }

    /// What stays the same through a tree's recursion.
    private struct Walk {
        let tree: RegressionTree
        let x: UnsafeBufferPointer<Float>
        let phi: UnsafeMutablePointer<Double>
        let covers: UnsafeBufferPointer<Double>
    }

    @inline(__always)
    private static func cover(_ child: Int32, _ tree: RegressionTree, _ internalCovers: [Double]) -> Double {
        child < 0 ? tree.leafCover[Int(~child)] : internalCovers[Int(child)]
    }

    /// Visits `node` with the path of its parent (`parentPath[0...depth - 1]`), extended by the
    /// parent's split feature with the given fractions.
    private static func recurse(_ w: Walk, node: Int32, depth: Int, parentPath: UnsafeMutablePointer<PathElement>,
                                zero: Double, one: Double, feature: Int32) {
        let path = parentPath + depth
        if depth > 0 { path.update(from: parentPath, count: depth) }
        extend(path, depth, zero: zero, one: one, feature: feature)
        if node < 0 {
            let value = Double(w.tree.leafValue[Int(~node)])
            for i in stride(from: 1, through: depth, by: 1) {
                let weight = unwoundSum(path, depth, i)
                w.phi[Int(path[i].feature)] += weight * (path[i].oneFraction - path[i].zeroFraction) * value
            }
            return
        }
        let n = Int(node), split = w.tree.splitFeature[n]
        let v = w.x[Int(split)]
        let goesLeft = v.isNaN ? w.tree.defaultLeft[n] : v <= w.tree.threshold[n]
        let hot = goesLeft ? w.tree.leftChild[n] : w.tree.rightChild[n]
        let cold = goesLeft ? w.tree.rightChild[n] : w.tree.leftChild[n]
        func cover(_ c: Int32) -> Double { c < 0 ? w.tree.leafCover[Int(~c)] : w.covers[Int(c)] }
        let nodeCover = w.covers[n]
        var depth = depth, incomingZero = 1.0, incomingOne = 1.0
        // A feature already on the path is undone, then redone with both splits' fractions.
        if let k = (1..<(depth + 1)).first(where: { path[$0].feature == split }) {
            incomingZero = path[k].zeroFraction
            incomingOne = path[k].oneFraction
            unwind(path, depth, k)
            depth -= 1
        }
        recurse(w, node: hot, depth: depth + 1, parentPath: path, zero: cover(hot) / nodeCover * incomingZero,
                one: incomingOne, feature: split)
        recurse(w, node: cold, depth: depth + 1, parentPath: path, zero: cover(cold) / nodeCover * incomingZero,
                one: 0, feature: split)
    }

    /// Appends a feature to the path and updates the permutation weights.
    private static func extend(_ path: UnsafeMutablePointer<PathElement>, _ depth: Int,
                               zero: Double, one: Double, feature: Int32) {
        path[depth] = PathElement(feature: feature, zeroFraction: zero, oneFraction: one, weight: depth == 0 ? 1 : 0)
        let scale = 1 / Double(depth + 1)
        for i in stride(from: depth - 1, through: 0, by: -1) {
            path[i + 1].weight += one * path[i].weight * Double(i + 1) * scale
            path[i].weight = zero * path[i].weight * Double(depth - i) * scale
        }
    }

    /// Removes element `index` from the path, undoing its `extend`.
    private static func unwind(_ path: UnsafeMutablePointer<PathElement>, _ depth: Int, _ index: Int) {
        let one = path[index].oneFraction, zero = path[index].zeroFraction
        var next = path[depth].weight
        for i in stride(from: depth - 1, through: 0, by: -1) {
            if one != 0 {
                let saved = path[i].weight
                path[i].weight = next * Double(depth + 1) / (Double(i + 1) * one)
                next = saved - path[i].weight * zero * Double(depth - i) / Double(depth + 1)
            } else {
                path[i].weight = path[i].weight * Double(depth + 1) / (zero * Double(depth - i))
            }
        }
        for i in index..<depth {
            path[i].feature = path[i + 1].feature
            path[i].zeroFraction = path[i + 1].zeroFraction
            path[i].oneFraction = path[i + 1].oneFraction
        }
    }

    /// The total permutation weight the path would have without element `index`.
    private static func unwoundSum(_ path: UnsafeMutablePointer<PathElement>, _ depth: Int, _ index: Int) -> Double {
        let one = path[index].oneFraction, zero = path[index].zeroFraction
        var next = path[depth].weight, total = 0.0
        for i in stride(from: depth - 1, through: 0, by: -1) {
            if one != 0 {
                let t = next * Double(depth + 1) / (Double(i + 1) * one)
                total += t
                next = path[i].weight - t * zero * Double(depth - i) / Double(depth + 1)
            } else if zero != 0 {
                total += path[i].weight / zero * Double(depth + 1) / Double(depth - i)
            }
        }
        return total
    }
}
