/// A score of predicted class probabilities against true labels: the seam used by early
/// stopping, cross-validation and reports.
public protocol Metric: Sendable {
    /// Short name used in logs and `metrics.json`, e.g. `auc`.
    var name: String { get }
    /// Whether a larger value is better (AUC) or a smaller one (log-loss).
    var higherIsBetter: Bool { get }
    /// The score of row-major probabilities (`classCount` per row) against class indices.
    func evaluate(probabilities: [Float], labels: [Int32], classCount: Int) -> Double
}

extension Metric {
    /// Whether `candidate` is strictly better than `incumbent` for this metric.
    public func improves(_ candidate: Double, over incumbent: Double) -> Bool {
        higherIsBetter ? candidate > incumbent : candidate < incumbent
    }
}
