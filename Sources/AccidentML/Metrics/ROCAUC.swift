/// Area under the ROC curve: binary on the positive class (index 1), or the macro
/// one-vs-rest average for more classes. Ties count one half, as in scikit-learn.
public struct ROCAUC: Metric {
    /// Creates the metric.
    public init() {}
    public var name: String { "auc" }
    public var higherIsBetter: Bool { true }

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

    /// AUC of scores for a positive/negative labelling (Mann–Whitney U with tie averaging);
    /// NaN when one of the two classes is absent.
    public static func binaryAUC(scores: [Float], positives: [Bool]) -> Double {
        precondition(scores.count == positives.count, "scores and labels disagree in count")
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSumPositive = 0.0
        var nPos = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            let averageRank = Double(i + j) / 2 + 1
            for t in i...j where positives[order[t]] { rankSumPositive += averageRank; nPos += 1 }
            i = j + 1
        }
        let nNeg = Double(scores.count) - nPos
        guard nPos > 0, nNeg > 0 else { return .nan }
        return (rankSumPositive - nPos * (nPos + 1) / 2) / (nPos * nNeg)
    }
}
