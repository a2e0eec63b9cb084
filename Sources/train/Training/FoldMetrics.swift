/// Each cross-validation fold's metrics, and their mean and standard deviation.
struct FoldMetrics {
    /// Per fold, the `MetricSuite` values on its held-out rows, in suite order.
    var folds: [[(name: String, value: Double)]] = []

    /// Metric names, in suite order.
    var names: [String] { folds.first?.map(\.name) ?? [] }

    /// Each fold's value of a metric, in fold order.
    func values(_ metric: String) -> [Double] { folds.compactMap { $0.first { $0.name == metric }?.value } }

    /// Mean and sample standard deviation of a metric over the folds; nil without folds.
    func statistics(_ metric: String) -> (mean: Double, sd: Double)? {
        let values = values(metric)
        guard !values.isEmpty else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.count > 1
            ? values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1) : 0
        return (mean, variance.squareRoot())
    }
}
