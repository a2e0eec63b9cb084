import AccidentML
import ArgumentParser

/// How `fit` validates: a stratified hold-out or k-fold cross-validation, the headline metric, the seed.
struct ValidationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Share of rows held out, stratified by class, to validate on (default 0.2).", valueName: "share"))
    var validationFraction: Double?

    @Option(help: ArgumentHelp("k-fold cross-validation instead of a hold-out: each metric's mean ± sd over the folds, "
                               + "then the final model trained on all rows.", valueName: "k"))
    var folds: Int?

    @Option(help: ArgumentHelp("gbdt: stop when --metric on the validation rows (each fold's held-out rows with --folds) "
                               + "has not improved for n rounds, keeping the best round; 0 = off "
                               + "(default \(ModelTrainer.defaultTrees.earlyStoppingPatience)).",
                               valueName: "n"))
    var earlyStopping: Int?

    @Option(help: "The metric early stopping watches and the progress bar shows: auc or logloss.")
    var metric: MetricChoice = .auc

    @Option(help: "Seed of the split, the folds and the trainer: the same seed gives the same model.")
    var seed: UInt64 = 42

    func validate() throws {
        if validationFraction != nil, folds != nil {
            throw ValidationError("--validation-fraction and --folds are two ways to validate; give one of them.")
        }
    }

    /// The validation the flags describe.
    var plan: ValidationPlan { folds.map(ValidationPlan.folds) ?? validationFraction.map { .holdOut(fraction: $0) } ?? .default }
}

extension MetricChoice: ExpressibleByArgument {}
