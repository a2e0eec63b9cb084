/// Area under the ROC curve: binary on the positive class (index 1), or the macro
/// one-vs-rest average for more classes. Ties count one half, as in scikit-learn.
public struct ROCAUC: Metric {
    /// Creates the metric.
    public init() {}
    /// The metric's name in reports, metrics files and early stopping.
    public var name: String { "auc" }
    /// Whether a larger value is better.
    public var higherIsBetter: Bool { true }

    /// The metric of row-major class probabilities against the rows' class indices.
    public func evaluate(probabilities: [Float], labels: [Int32], classCount: Int) -> Double {
        precondition(probabilities.count == labels.count * classCount, "probabilities and labels disagree in count")
        if classCount == 2 {
            return Self.binaryAUC(scores: stride(from: 1, to: probabilities.count, by: 2).map { probabilities[$0] },
                                  positives: labels.map { $0 == 1 })
        }
        var total = 0.0, counted = 0
        for k in 0..<classCount {
            let auc = Self.binaryAUC(scores: stride(from: k, to: probabilities.count, by: classCount).map { probabilities[$0] },
                                     positives: labels.map { Int($0) == k })
            if !auc.isNaN { total += auc; counted += 1 }
        }
        return counted == 0 ? .nan : total / Double(counted)
    }

    /// AUC of scores for a positive/negative labelling (Mann–Whitney U with tie averaging, computed
    /// as the trapezoidal area of the ranked counts); NaN when one of the two classes is absent.
    public static func binaryAUC(scores: [Float], positives: [Bool]) -> Double {
        ScoreRanking(scores: scores, positives: positives).area
    }
}
