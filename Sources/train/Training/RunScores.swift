/// A run's metrics on each scored set (train, validation, out-of-fold, evaluation) and per fold.
struct RunScores {
    /// Rows scored by a model: true classes and row-major probabilities.
    struct ScoredSet {
        /// Set name: `train`, `validation`, `out_of_fold` or `evaluation`.
        let name: String
        /// True class of each row.
        let labels: [Int32]
        /// Row-major class probabilities.
        let probabilities: [Float]
        /// `MetricSuite` values on these rows, in suite order.
        let metrics: [(name: String, value: Double)]
    }

    /// Number of classes.
    let classCount: Int
    /// The scored sets, in display order.
    let sets: [ScoredSet]
    /// Rows per set (and `folds` for cross-validation).
    let rowCounts: [String: Int]
    /// Each fold's metrics, in suite order; empty without cross-validation.
    let folds: [[(name: String, value: Double)]]

    /// Scores each `(name, labels, probabilities)` set with the metric suite.
    init(classCount: Int, sets: [(String, [Int32], [Float])], rowCounts: [String: Int],
         folds: [[(name: String, value: Double)]] = []) {
        self.classCount = classCount
        self.sets = sets.map { name, labels, p in
            ScoredSet(name: name, labels: labels, probabilities: p,
                      metrics: MetricSuite.evaluate(probabilities: p, labels: labels, classCount: classCount))
        }
        self.rowCounts = rowCounts
        self.folds = folds
    }

    /// Metric names, in suite order.
    var metricNames: [String] { sets.first?.metrics.map(\.name) ?? [] }

    /// Mean and (sample) standard deviation of a metric over the folds, nil without folds.
    func foldStatistics(_ metric: String) -> (mean: Double, sd: Double)? {
        let values = folds.compactMap { $0.first { $0.name == metric }?.value }
        guard !values.isEmpty else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.count > 1
            ? values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1) : 0
        return (mean, variance.squareRoot())
    }

    /// `set_metric` → value (e.g. `validation_auc`), plus `cv_auc_mean` and `cv_auc_sd` with folds:
    /// what the model file's metadata records.
    var flatMetrics: [String: Double] {
        var out: [String: Double] = [:]
        for set in sets { for m in set.metrics { out["\(set.name)_\(m.name)"] = m.value } }
        for name in metricNames {
            if let s = foldStatistics(name) { out["cv_\(name)_mean"] = s.mean; out["cv_\(name)_sd"] = s.sd }
        }
        return out
    }
}
