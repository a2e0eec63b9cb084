@testable import AccidentML

/// The plain oracle of TreeSHAP: Shapley values by enumerating every subset of features, with
/// the path-dependent payoff (the tree's expected output when only the features in the subset
/// are known, unknown splits weighted by the training rows that went each way).
enum BruteForceSHAP {
    /// Training rows under a child reference (a leaf's cover, or the sum over the subtree).
    static func cover(_ tree: RegressionTree, _ child: Int32) -> Double {
        child < 0 ? tree.leafCover[Int(~child)]
            : cover(tree, tree.leftChild[Int(child)]) + cover(tree, tree.rightChild[Int(child)])
    }

    /// The tree's expected output given the features whose bit is set in `known`.
    static func payoff(_ tree: RegressionTree, _ x: [Float], known: Int) -> Double {
        func walk(_ child: Int32) -> Double {
            if child < 0 { return Double(tree.leafValue[Int(~child)]) }
            let n = Int(child), f = Int(tree.splitFeature[n])
            let (l, r) = (tree.leftChild[n], tree.rightChild[n])
            if known & (1 << f) != 0 {
                let goesLeft = x[f].isNaN ? tree.defaultLeft[n] : x[f] <= tree.threshold[n]
                return walk(goesLeft ? l : r)
            }
            return (cover(tree, l) * walk(l) + cover(tree, r) * walk(r)) / (cover(tree, l) + cover(tree, r))
        }
        return tree.internalCount == 0 ? Double(tree.leafValue[0]) : walk(0)
    }

    /// Shapley values of one tree: Σ over subsets S without i of |S|!(M-|S|-1)!/M! (v(S+i) - v(S)).
    static func values(_ tree: RegressionTree, _ x: [Float]) -> [Double] {
        let m = x.count
        func factorial(_ n: Int) -> Double { n <= 1 ? 1 : Double(n) * factorial(n - 1) }
        var phi = [Double](repeating: 0, count: m)
        for i in 0..<m {
            for subset in 0..<(1 << m) where subset & (1 << i) == 0 {
                let s = subset.nonzeroBitCount
                let weight = factorial(s) * factorial(m - s - 1) / factorial(m)
                phi[i] += weight * (payoff(tree, x, known: subset | (1 << i)) - payoff(tree, x, known: subset))
            }
        }
        return phi
    }

    /// Baseline and values of every score column of a forest.
    static func contributions(_ model: GBDTModel, _ x: [Float]) -> [(baseline: Double, values: [Double])] {
        var out = model.initScores.map { ($0, [Double](repeating: 0, count: x.count)) }
        for (t, tree) in model.trees.enumerated() {
            let k = t % model.scoreColumns
            out[k].0 += payoff(tree, x, known: 0)
            for (f, v) in values(tree, x).enumerated() { out[k].1[f] += v }
        }
        return out.map { (baseline: $0.0, values: $0.1) }
    }
}
