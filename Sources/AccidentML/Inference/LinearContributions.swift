/// Exact explanations of a logistic model: a logit is a sum, so each column's contribution is
/// its coefficient times its encoded value, and the baseline is the intercept.
extension LogisticModel {
    /// The contributions of one encoded row (count `featureCount`) to each logit: class 1's
    /// log-odds for a binary model, every class's softmax input otherwise. Computed in Double,
    /// so `total` matches the Float logit of `predictProbabilities(row:into:)` to ~1e-6.
    public func contributions(row: UnsafeBufferPointer<Float>) -> [ScoreContributions.Score] {
        precondition(row.count == featureCount, "the row has \(row.count) values, the model expects \(featureCount)")
        let d = featureCount
        return (0..<coefficientRowCount).map { j in
            let values = (0..<d).map { coefficients[j * d + $0] * Double(row[$0]) }
            return ScoreContributions.Score(classIndex: ClassScores.columns(classCount: classCount) == 1 ? 1 : j, baseline: intercepts[j], values: values)
        }
    }
}
