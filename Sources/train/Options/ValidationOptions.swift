import AccidentML
import ArgumentParser

/// How `fit` validates: a stratified hold-out, k-fold cross-validation, separate validation
/// data or none; the headline metric, the learning curve's points, the seed.
struct ValidationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Share of rows held out, stratified by class, to validate on (default 0.2); 0 = no "
                               + "validation: train on every row for fixed rounds (no early stopping), training metrics only.",
                               valueName: "share"))
    var validationFraction: Double?

    @Option(help: ArgumentHelp("k-fold cross-validation instead of a hold-out: each metric's mean ± sd over the folds, "
                               + "then the final model trained on all rows.", valueName: "k"))
    var folds: Int?

    @Option(help: ArgumentHelp("Validate on these rows instead of holding training rows out: a feature CSV with the "
                               + "header of --features (give its labels with --validation-labels), or a BAAC folder with --baac. "
                               + "The model trains on every training row; the report, the curves and early stopping use these.",
                               valueName: "path"))
    var validationData: String?

    @Option(help: ArgumentHelp("The one-column label CSV of --validation-data (a feature CSV), same rows in the same order.",
                               valueName: "y.csv"))
    var validationLabels: String?

    @Option(help: ArgumentHelp("gbdt: stop when --metric on the validation rows (each fold's held-out rows with --folds) "
                               + "has not improved for n rounds, keeping the best round; 0 = off "
                               + "(default \(ModelTrainer.defaultTrees.earlyStoppingPatience); off with --validation-fraction 0).",
                               valueName: "n"))
    var earlyStopping: Int?

    @Option(help: ArgumentHelp("gbdt: rounds between learning-curve points (and the last round). Default: about "
                               + "\(LearningCurvePlan.automaticPoints) points over the run, so the curve costs under 10 % of training; "
                               + "the training line is measured on a seeded sample of at most "
                               + "\(Format.count(LearningCurvePlan.defaultTrainSampleLimit)) training rows. Early stopping watches "
                               + "every round whatever this is.", valueName: "k"))
    var curveEvery: Int?

    @Option(help: "The metric early stopping watches and the progress bar shows: auc or logloss.")
    var metric: MetricChoice = .auc

    @Option(help: "Seed of the split, the folds and the trainer: the same seed gives the same model.")
    var seed: UInt64 = 42

    func validate() throws {
        if validationFraction != nil, folds != nil {
            throw ValidationError("--validation-fraction and --folds are two ways to validate; give one of them.")
        }
        if validationData != nil, let other = validationFraction != nil ? "--validation-fraction" : folds != nil ? "--folds" : nil {
            throw ValidationError("--validation-data and \(other) are two ways to validate; give one of them "
                                  + "(--validation-data trains on every training row).")
        }
        if validationLabels != nil, validationData == nil {
            throw ValidationError("--validation-labels needs its feature file: add --validation-data X_valid.csv.")
        }
        if validationFraction == 0, let n = earlyStopping, n > 0 {
            throw ValidationError("--early-stopping \(n) needs validation rows, and --validation-fraction 0 holds none out; "
                                  + "drop --early-stopping (fixed rounds) or hold rows out.")
        }
    }

    /// The validation the flags describe.
    var plan: ValidationPlan {
        if validationData != nil { return .separate }
        if let folds { return .folds(folds) }
        if let validationFraction { return validationFraction == 0 ? .allRows : .holdOut(fraction: validationFraction) }
        return .default
    }

    /// Early stopping's patience: as given, else 0 without validation rows, else the default (nil).
    var patience: Int? { earlyStopping ?? (plan == .allRows ? 0 : nil) }

    /// The learning curve's points.
    var curve: LearningCurvePlan { LearningCurvePlan(every: curveEvery) }
}

extension MetricChoice: ExpressibleByArgument {}
