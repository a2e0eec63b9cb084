import AccidentML
import ArgumentParser
import Foundation

/// The model family, the prediction unit and the hyperparameters of `fit`.
struct ModelOptions: ParsableArguments {
    @Option(help: "Model family: gbdt (gradient-boosted trees) or logistic (regularised logistic regression).")
    var model: ModelKind = .gbdt

    @Option(help: ArgumentHelp("Prediction unit: accident (anyone killed or hospitalised) or person (4-class grav). "
                               + "Chooses the join and features of BAAC data; recorded as it is for --features.",
                               valueName: "unit"))
    var unit: PredictionUnit = .accident

    @Option(help: ArgumentHelp("gbdt: most boosting rounds (default \(Self.treeDefaults.rounds); "
                               + "\(ModelTrainer.defaultTrees(for: .allRows).rounds) with --validation-fraction 0, where "
                               + "nothing stops them early).", valueName: "n"))
    var trees: Int?

    @Option(help: ArgumentHelp("gbdt: shrinkage of every tree (default \(Self.treeDefaults.learningRate)).", valueName: "rate"))
    var learningRate: Double?

    @Option(help: ArgumentHelp("gbdt: most leaves per tree (default \(Self.treeDefaults.numLeaves)).", valueName: "n"))
    var numLeaves: Int?

    @Option(help: ArgumentHelp("gbdt: deepest leaf, the root at 0 (default: no limit).", valueName: "n"))
    var maxDepth: Int?

    @Option(help: ArgumentHelp("gbdt: fewest rows in a leaf (default \(Self.treeDefaults.minDataInLeaf)).", valueName: "n"))
    var minDataInLeaf: Int?

    @Option(help: ArgumentHelp("gbdt: L2 regularisation of leaf values (default \(Self.treeDefaults.lambda.formatted())).",
                               valueName: "l2"))
    var lambda: Double?

    @Option(help: ArgumentHelp("gbdt: share of rows drawn for each round "
                               + "(default \(Self.treeDefaults.baggingFraction.formatted()); 1 = all).", valueName: "share"))
    var baggingFraction: Double?

    @Option(help: ArgumentHelp("gbdt: share of features drawn for each tree "
                               + "(default \(Self.treeDefaults.featureFraction.formatted()); 1 = all).", valueName: "share"))
    var featureFraction: Double?

    @Option(name: .customLong("C"),
            help: ArgumentHelp("logistic: inverse L2 regularisation strength (default \(Self.logisticDefaults.c.formatted())).",
                               valueName: "c"))
    var c: Double?

    @Option(name: .customLong("max-iter"),
            help: ArgumentHelp("logistic: most L-BFGS iterations (default \(Self.logisticDefaults.maxIterations)).",
                               valueName: "n"))
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
    }

    /// The trainer the flags describe for a job validated as `plan`; `earlyStopping` rounds
    /// without improvement of `metric` (gbdt).
    func trainer(threads: Int, seed: UInt64, metric: MetricChoice, earlyStopping: Int?, plan: ValidationPlan) -> ModelTrainer {
        switch model {
        case .gbdt:
            var p = ModelTrainer.defaultTrees(for: plan)
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
            return logisticTrainer(threads: threads)
        }
    }

    /// The core's tree defaults of a training job, which the help texts show.
    static var treeDefaults: GBDTParameters { ModelTrainer.defaultTrees }
    /// The core's logistic regression defaults (scikit-learn's), which the help texts show.
    static var logisticDefaults: LogisticRegression { LogisticRegression() }

    /// Logistic regression with the flags given, the core's defaults otherwise.
    private func logisticTrainer(threads: Int) -> ModelTrainer {
        var t = Self.logisticDefaults
        if let c { t.c = c }
        if let maxIterations { t.maxIterations = maxIterations }
        t.threads = threads
        return .logistic(t)
    }
}

extension ModelKind: ExpressibleByArgument {}

extension PredictionUnit: ExpressibleByArgument {}
