import AccidentML
import Foundation

/// Everything `fit` (and the default job) needs, resolved from the flags: the data, the
/// core's training job and the run folder.
struct FitPlan {
    /// Where the data comes from.
    var source: DataSource
    /// Where separate validation rows come from (`--validation-data`), the same kind as `source`.
    var validationSource: DataSource? = nil
    /// What one prediction is about.
    var unit: PredictionUnit
    /// The trainer, the validation plan, the seed and the threads.
    var job: TrainingJob
    /// The headline metric (and early stopping's).
    var metric: MetricChoice
    /// The run folder written.
    var runFolder: URL
}
