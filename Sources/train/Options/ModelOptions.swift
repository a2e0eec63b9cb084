import AccidentML
import ArgumentParser

/// The model family, the prediction unit and the hyperparameters of `fit`.
struct ModelOptions: ParsableArguments {
    @Option(help: "Model family: logistic (regularised logistic regression).")
    var model: ModelChoice = .logistic

    @Option(help: ArgumentHelp("Prediction unit: accident (anyone killed or hospitalised) or person (4-class grav). "
                               + "Chooses the join and features of BAAC data; recorded as it is for --features.",
                               valueName: "unit"))
    var unit: PredictionUnit = .accident

    @Option(name: .customLong("C"), help: ArgumentHelp("logistic: inverse L2 regularisation strength (default 1).", valueName: "c"))
    var c: Double?

    @Option(name: .customLong("max-iter"), help: ArgumentHelp("logistic: most L-BFGS iterations (default 200).", valueName: "n"))
    var maxIterations: Int?

    func validate() throws {
        if let c, !(c > 0 && c.isFinite) { throw ValidationError("--C must be a positive number, got \(c).") }
        if let maxIterations, maxIterations < 1 { throw ValidationError("--max-iter must be at least 1, got \(maxIterations).") }
    }

    /// The trainer the flags describe.
    func trainer(threads: Int) -> ModelTrainer {
        switch model {
        case .logistic:
            .logistic(LogisticRegression(c: c ?? 1, maxIterations: maxIterations ?? 200, threads: threads))
        }
    }
}

/// The model families `--model` accepts.
enum ModelChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Logistic regression.
    case logistic
}

extension PredictionUnit: ExpressibleByArgument {}
