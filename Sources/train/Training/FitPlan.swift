import AccidentML
import Foundation

/// Everything `fit` (and the default job) needs, resolved from the flags.
struct FitPlan {
    /// Where the data comes from.
    var source: DataSource
    /// What one prediction is about.
    var unit: PredictionUnit
    /// The model family and its hyperparameters.
    var trainer: ModelTrainer
    /// How the model is validated.
    var validation: ValidationPlan
    /// The headline metric (and early stopping's).
    var metric: MetricChoice
    /// Seed of the split, the folds and the trainer.
    var seed: UInt64
    /// Worker threads.
    var threads: Int
    /// The run folder written.
    var runFolder: URL
}

/// How a fit is validated.
enum ValidationPlan: Equatable, CustomStringConvertible {
    /// A stratified hold-out of this share of the rows; the model trains on the rest.
    case holdOut(fraction: Double)
    /// Stratified k-fold cross-validation, then the final model on all rows.
    case folds(Int)

    var description: String {
        switch self {
        case .holdOut(let f): String(format: "%g %% stratified hold-out", f * 100)
        case .folds(let k): "\(k)-fold cross-validation"
        }
    }
}
