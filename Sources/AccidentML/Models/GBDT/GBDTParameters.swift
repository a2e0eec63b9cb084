/// Hyperparameters of histogram gradient-boosted trees, named after LightGBM's.
///
/// The defaults are LightGBM's, except `rounds`, `threads` and `earlyStoppingPatience`.
public struct GBDTParameters: Sendable, Equatable {
    /// The loss boosted (LightGBM `objective`), saved in the model; nil chooses LightGBM's usual
    /// one for the labels: `binary` for two classes, `multiclass` above.
    public var objective: BoostingObjective? = nil
    /// Boosting rounds (LightGBM `num_iterations`); a round adds one tree per score column.
    public var rounds: Int = 100
    /// Shrinkage applied to every leaf value (`learning_rate`).
    public var learningRate: Double = 0.1
    /// Maximum leaves per tree; trees grow leaf-wise, best gain first (`num_leaves`).
    public var numLeaves: Int = 31
    /// Maximum depth of a leaf, the root being at depth 0; 0 or less means no limit (`max_depth`).
    public var maxDepth: Int = -1
    /// Minimum rows in a leaf (`min_data_in_leaf`).
    public var minDataInLeaf: Int = 20
    /// Minimum sum of hessians in a leaf (`min_sum_hessian_in_leaf`).
    public var minSumHessian: Double = 1e-3
    /// L2 regularisation of leaf values (`lambda_l2`).
    public var lambda: Double = 0
    /// Minimum gain for a split to be made (`min_gain_to_split`).
    public var minGainToSplit: Double = 0
    /// Fraction of rows drawn (without replacement) for each round; 1 disables bagging.
    public var baggingFraction: Double = 1
    /// Fraction of features drawn for each tree; 1 uses them all.
    public var featureFraction: Double = 1
    /// Maximum value bins per feature, at most 255 (a missing-value bin comes on top) (`max_bin`).
    public var maxBins: Int = 255
    /// Minimum sampled rows per bin when cutting bin boundaries (`min_data_in_bin`).
    public var minDataInBin: Int = 3
    /// Rows sampled to find bin boundaries (`bin_construct_sample_cnt`).
    public var binSampleCount: Int = 200_000
    /// Optional weight of each class, multiplying the gradients and hessians of its rows.
    public var classWeights: [Double]? = nil
    /// Rounds without improvement of the validation metric before stopping; 0 disables early stopping.
    public var earlyStoppingPatience: Int = 0
    /// Seed of bagging, feature sampling and bin sampling: the same seed gives the same model.
    public var seed: UInt64 = 0
    /// Worker threads (1 = the calling thread only); results do not depend on it.
    public var threads: Int = 1

    /// Creates LightGBM's default parameters.
    public init() {}

    /// Checks every value, naming the first invalid one; `classCount` (nil before the labels
    /// are known) also checks the objective and the class weights.
    func validate(classCount: Int?) throws(GBDTError) {
        func check(_ ok: Bool, _ name: String, _ value: String, _ expected: String) throws(GBDTError) {
            if !ok { throw .invalidParameter(name: name, value: value, expected: expected) }
        }
        try check(rounds >= 1, "rounds", "\(rounds)", "at least 1")
        try check(learningRate > 0 && learningRate.isFinite, "learningRate", "\(learningRate)", "a finite value > 0")
        try check(numLeaves >= 2, "numLeaves", "\(numLeaves)", "at least 2")
        try check(minDataInLeaf >= 1, "minDataInLeaf", "\(minDataInLeaf)", "at least 1")
        try check(minSumHessian >= 0, "minSumHessian", "\(minSumHessian)", "a value >= 0")
        try check(lambda >= 0, "lambda", "\(lambda)", "a value >= 0")
        try check(minGainToSplit >= 0, "minGainToSplit", "\(minGainToSplit)", "a value >= 0")
        try check(baggingFraction > 0 && baggingFraction <= 1, "baggingFraction", "\(baggingFraction)", "a value in (0, 1]")
        try check(featureFraction > 0 && featureFraction <= 1, "featureFraction", "\(featureFraction)", "a value in (0, 1]")
        try check(maxBins >= 2 && maxBins <= 255, "maxBins", "\(maxBins)", "a value in 2...255")
        try check(minDataInBin >= 1, "minDataInBin", "\(minDataInBin)", "at least 1")
        try check(binSampleCount >= 1, "binSampleCount", "\(binSampleCount)", "at least 1")
        try check(earlyStoppingPatience >= 0, "earlyStoppingPatience", "\(earlyStoppingPatience)", "a value >= 0")
        try check(threads >= 1, "threads", "\(threads)", "at least 1")
        if let classCount, let objective, let problem = objective.problem(classCount: classCount) {
            throw .invalidParameter(name: "objective", value: objective.rawValue, expected: "an objective for the labels (\(problem))")
        }
        if let classCount, let w = classWeights {
            try check(w.count == classCount, "classWeights", "\(w.count) weights",
                      "one weight per class (\(classCount))")
            try check(w.allSatisfy { $0 > 0 && $0.isFinite }, "classWeights", "\(w)", "finite weights > 0")
        }
    }
}
