/// A trained gradient-boosted tree classifier: its trees in plain arrays plus a flattened
/// copy of them for fast prediction.
///
/// Tree `t` belongs to score column `t % scoreColumns` (one column for two classes, one per
/// class above); a row's probabilities come from `initScores` plus its leaf values.
public struct GBDTModel: ProbabilisticClassifier, Equatable {
    /// Number of classes (2 for the binary severity target).
    public let classCount: Int
    /// The loss the trees were boosted on, which also links their scores to probabilities.
    public let objective: BoostingObjective
    /// Number of feature columns the model expects.
    public var featureCount: Int { featureNames.count }
    /// Names of the features, in the order the model expects them.
    public let featureNames: [String]
    /// Start score of each score column.
    let initScores: [Double]
    /// The trees, round by round, class by class within a round.
    let trees: [RegressionTree]
    /// The same trees laid out for prediction (derived, not compared).
    let forest: FlatForest

    /// Trees per round.
    var scoreColumns: Int { objective.scoreColumns(classCount: classCount) }
    /// Boosting rounds the model holds.
    public var roundCount: Int { trees.count / scoreColumns }

    init(classCount: Int, objective: BoostingObjective, featureNames: [String], initScores: [Double], trees: [RegressionTree]) {
        self.classCount = classCount
        self.objective = objective
        self.featureNames = featureNames
        self.initScores = initScores
        self.trees = trees
        forest = FlatForest(trees: trees, initScores: initScores, classCount: classCount, objective: objective,
                            featureCount: featureNames.count)
    }

    /// Class probabilities of every row, row-major, by blocks of rows over the flattened
    /// forest on at most `threads` workers.
    public func predictProbabilities(_ x: FeatureMatrix<Float>, threads: Int) -> [Float] {
        forest.predictProbabilities(x, threads: threads)
    }

    /// Class probabilities of every row by the plain walk of the flattened trees, whatever the
    /// model's layout: the oracle of the blocked batch path (bit-identical), for tests and the bench.
    package func predictProbabilitiesByWalk(_ x: FeatureMatrix<Float>, threads: Int) -> [Float] {
        forest.predictProbabilitiesByWalk(x, threads: threads)
    }

    /// Whether batch prediction takes the blocked layout (see `BlockedForest`).
    package var hasBlockedLayout: Bool { forest.blocked != nil }

    /// Class probabilities of one row, without allocating; bit-identical to the batch path.
    public func predictProbabilities(row: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>) {
        forest.predictProbabilities(row: row, into: out)
    }

    /// Raw scores of one row by the plain recursive walk of every tree: the oracle of the
    /// flattened paths, summed in Double.
    func rawScoresPlain(_ value: (Int) -> Float) -> [Double] {
        var scores = initScores
        for (t, tree) in trees.enumerated() { scores[t % scoreColumns] += Double(tree.predict(value)) }
        return scores
    }

    /// Same classes, objective, features, init scores and trees (the flattened copy is derived from them).
    public static func == (a: GBDTModel, b: GBDTModel) -> Bool {
        a.classCount == b.classCount && a.objective == b.objective && a.featureNames == b.featureNames && a.initScores == b.initScores
            && a.trees == b.trees
    }
}
