import AccidentML
import ArgumentParser

/// The model family, the prediction unit and the hyperparameters of `fit`.
struct ModelOptions: ParsableArguments {
    @Option(help: "Model family: gbdt (gradient-boosted trees) or logistic (regularised logistic regression).")
    var model: ModelChoice = .gbdt

    @Option(help: ArgumentHelp("Prediction unit: accident (anyone killed or hospitalised) or person (4-class grav). "
                               + "Chooses the join and features of BAAC data; recorded as it is for --features.",
                               valueName: "unit"))
    var unit: PredictionUnit = .accident

    @Option(help: ArgumentHelp("gbdt: most boosting rounds (default 300).", valueName: "n"))
    var trees: Int?

    @Option(help: ArgumentHelp("gbdt: shrinkage of every tree (default 0.1).", valueName: "rate"))
    var learningRate: Double?

    @Option(help: ArgumentHelp("gbdt: most leaves per tree (default 31).", valueName: "n"))
    var numLeaves: Int?

    @Option(help: ArgumentHelp("gbdt: deepest leaf, the root at 0 (default: no limit).", valueName: "n"))
    var maxDepth: Int?

    @Option(help: ArgumentHelp("gbdt: fewest rows in a leaf (default 20).", valueName: "n"))
    var minDataInLeaf: Int?

    @Option(help: ArgumentHelp("gbdt: L2 regularisation of leaf values (default 0).", valueName: "l2"))
    var lambda: Double?

    @Option(help: ArgumentHelp("gbdt: share of rows drawn for each round (default 1: all).", valueName: "share"))
    var baggingFraction: Double?

    @Option(help: ArgumentHelp("gbdt: share of features drawn for each tree (default 1: all).", valueName: "share"))
    var featureFraction: Double?

    @Option(name: .customLong("C"), help: ArgumentHelp("logistic: inverse L2 regularisation strength (default 1).", valueName: "c"))
    var c: Double?

    @Option(name: .customLong("max-iter"), help: ArgumentHelp("logistic: most L-BFGS iterations (default 200).", valueName: "n"))
    var maxIterations: Int?

    /// The flags given that belong to gradient-boosted trees.
    var treeFlags: [String] {
        [("--trees", trees != nil), ("--learning-rate", learningRate != nil), ("--num-leaves", numLeaves != nil),
         ("--max-depth", maxDepth != nil), ("--min-data-in-leaf", minDataInLeaf != nil), ("--lambda", lambda != nil),
         ("--bagging-fraction", baggingFraction != nil), ("--feature-fraction", featureFraction != nil)]
            .filter(\.1).map(\.0)
    }

    /// The flags given that belong to logistic regression.
    var logisticFlags: [String] { [("--C", c != nil), ("--max-iter", maxIterations != nil)].filter(\.1).map(\.0) }

    func validate() throws {
        if model == .logistic, let flag = treeFlags.first {
            throw ValidationError("\(flag) is a gbdt hyperparameter; drop it or use --model gbdt.")
        }
        if model == .gbdt, let flag = logisticFlags.first {
            throw ValidationError("\(flag) is a logistic hyperparameter; drop it or use --model logistic.")
        }
        func check(_ ok: Bool, _ message: String) throws { if !ok { throw ValidationError(message) } }
        try check((trees ?? 1) >= 1, "--trees must be at least 1.")
        try check(learningRate.map { $0 > 0 && $0.isFinite } ?? true, "--learning-rate must be a positive number.")
        try check((numLeaves ?? 2) >= 2, "--num-leaves must be at least 2.")
        try check((minDataInLeaf ?? 1) >= 1, "--min-data-in-leaf must be at least 1.")
        try check(lambda.map { $0 >= 0 && $0.isFinite } ?? true, "--lambda must be 0 or more.")
        try check(baggingFraction.map { $0 > 0 && $0 <= 1 } ?? true, "--bagging-fraction must be in (0, 1].")
        try check(featureFraction.map { $0 > 0 && $0 <= 1 } ?? true, "--feature-fraction must be in (0, 1].")
        try check(c.map { $0 > 0 && $0.isFinite } ?? true, "--C must be a positive number.")
        try check((maxIterations ?? 1) >= 1, "--max-iter must be at least 1.")
    }

    /// The trainer the flags describe; `earlyStopping` rounds without improvement of `metric` (gbdt).
    func trainer(threads: Int, seed: UInt64, metric: MetricChoice, earlyStopping: Int?) -> ModelTrainer {
        switch model {
        case .gbdt:
            var p = Self.defaultTrees
            if let trees { p.rounds = trees }
            if let learningRate { p.learningRate = learningRate }
            if let numLeaves { p.numLeaves = numLeaves }
            if let maxDepth { p.maxDepth = maxDepth }
            if let minDataInLeaf { p.minDataInLeaf = minDataInLeaf }
            if let lambda { p.lambda = lambda }
            if let baggingFraction { p.baggingFraction = baggingFraction }
            if let featureFraction { p.featureFraction = featureFraction }
            if let earlyStopping { p.earlyStoppingPatience = earlyStopping }
            p.seed = seed
            p.threads = threads
            return .gbdt(p, metric: metric)
        case .logistic:
            return .logistic(LogisticRegression(c: c ?? 1, maxIterations: maxIterations ?? 200, threads: threads))
        }
    }

    /// The tool's tree defaults: LightGBM's, with 300 rounds and early stopping after 30 rounds
    /// without improvement.
    static var defaultTrees: GBDTParameters {
        var p = GBDTParameters()
        p.rounds = 300
        p.earlyStoppingPatience = 30
        return p
    }
}

/// The model families `--model` accepts.
enum ModelChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Histogram gradient-boosted trees.
    case gbdt
    /// Logistic regression.
    case logistic
}

extension PredictionUnit: ExpressibleByArgument {}
