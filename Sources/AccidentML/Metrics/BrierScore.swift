/// Mean squared error of the predicted probabilities, as scikit-learn's `brier_score_loss`:
/// binary, the mean of (p₁ - y)² on the positive class; with more classes, the mean over rows
/// of Σₖ (pₖ - [y = k])² (which for two classes would be twice the binary value).
public struct BrierScore: Metric {
    /// Creates the metric.
    public init() {}
    /// The metric's name in reports, metrics files and early stopping.
    public var name: String { "brier" }
    /// Whether a larger value is better.
    public var higherIsBetter: Bool { false }

    /// The metric of row-major class probabilities against the rows' class indices.
    public func evaluate(probabilities: [Float], labels: [Int32], classCount: Int) -> Double {
        precondition(probabilities.count == labels.count * classCount, "probabilities and labels disagree in count")
        guard !labels.isEmpty else { return .nan }
        var sum = 0.0
        for (r, y) in labels.enumerated() {
            if classCount == 2 {
                let e = Double(probabilities[2 * r + 1]) - (y == 1 ? 1 : 0)
                sum += e * e
            } else {
                for k in 0..<classCount {
                    let e = Double(probabilities[r * classCount + k]) - (Int(y) == k ? 1 : 0)
                    sum += e * e
                }
            }
        }
        return sum / Double(labels.count)
    }
}
