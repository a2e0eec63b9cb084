import AccidentML

/// The shared GBDT hyperparameters of the comparison, in LightGBM's vocabulary, as options
/// of `gbdt_peer.py` and of our training child (which takes the same flags).
struct GBDTHyper: Sendable {
    var trees = 300
    var learningRate = 0.1
    var numLeaves = 31
    var maxDepth = 6
    var minDataInLeaf = 20
    /// L2 on leaf values: 0 on every side (the peers fix it, see `gbdt_peer.py`).
    let lambda = 0.0
    var seed: UInt64 = 42

    /// The flags, as `gbdt_peer.py` spells them.
    var peerArguments: [String] {
        ["--trees", "\(trees)", "--learning-rate", "\(learningRate)", "--num-leaves", "\(numLeaves)",
         "--max-depth", "\(maxDepth)", "--min-data-in-leaf", "\(minDataInLeaf)", "--seed", "\(seed)"]
    }

    /// Our parameters: LightGBM's defaults (255 bins, min hessian 1e-3, no bagging) plus these.
    func parameters(threads: Int) -> GBDTParameters {
        var p = GBDTParameters()
        p.rounds = trees
        p.learningRate = learningRate
        p.numLeaves = numLeaves
        p.maxDepth = maxDepth
        p.minDataInLeaf = minDataInLeaf
        p.lambda = lambda
        p.seed = seed
        p.threads = threads
        return p
    }

    /// One line for the notes.
    var summary: String {
        "\(trees) trees, learning rate \(learningRate), \(numLeaves) leaves, depth \(maxDepth), "
            + "min \(minDataInLeaf) rows per leaf, L2 \(Int(lambda)), 255 bins"
    }
}
