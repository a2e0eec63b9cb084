/// Each cross-validation fold's metrics, and their mean and standard deviation.
public struct FoldMetrics: Sendable {
    /// Per fold, the `MetricSuite` values on its held-out rows, in suite order.
    public var folds: [[(name: String, value: Double)]] = []

    /// No fold yet.
    public init() {}

    /// Metric names, in suite order.
    public var names: [String] { folds.first?.map(\.name) ?? [] }

    /// Each fold's value of a metric, in fold order.
    public func values(_ metric: String) -> [Double] { folds.compactMap { $0.first { $0.name == metric }?.value } }

    /// Mean and sample standard deviation of a metric over the folds; nil without folds.
    public func statistics(_ metric: String) -> (mean: Double, sd: Double)? {
        let values = values(metric)
        guard !values.isEmpty else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.count > 1
            ? values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1) : 0
        return (mean, variance.squareRoot())
    }
}
