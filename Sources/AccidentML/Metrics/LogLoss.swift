import RealModule

/// Mean negative log-likelihood of the true class (cross-entropy), with probabilities
/// clipped to [1e-15, 1 - 1e-15] as scikit-learn does.
public struct LogLoss: Metric {
    /// Creates the metric.
    public init() {}
    /// The metric's name in reports, metrics files and early stopping.
    public var name: String { "logloss" }
    /// Whether a larger value is better.
    public var higherIsBetter: Bool { false }

    /// The metric of row-major class probabilities against the rows' class indices.
    public func evaluate(probabilities: [Float], labels: [Int32], classCount: Int) -> Double {
        precondition(probabilities.count == labels.count * classCount, "probabilities and labels disagree in count")
        guard !labels.isEmpty else { return .nan }
        let eps = 1e-15
        var sum = 0.0
        for (r, y) in labels.enumerated() {
            let p = min(max(Double(probabilities[r * classCount + Int(y)]), eps), 1 - eps)
            sum -= Double.log(p)
        }
        return sum / Double(labels.count)
    }
}
