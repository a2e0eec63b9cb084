/// How much each class counts in the training loss, as scikit-learn's `class_weight`.
public enum ClassWeights: Sendable, Equatable {
    /// Every row counts once (scikit-learn `class_weight=None`).
    case uniform
    /// Weights `W / (K * W_k)`, `W` the total and `W_k` the class's sample weight, so that
    /// each class weighs the same in total (scikit-learn `class_weight="balanced"`).
    case balanced
    /// One weight per class index, in `classLabels` order.
    case custom([Double])
}

extension ClassWeights {
    /// The per-row weights: sample weight (1 when absent) times the class weight of the row.
    func rowWeights(labels: [Int32], classLabels: [String],
                    sampleWeights: [Double]?) throws(LogisticRegressionError) -> [Double] {
        let classCount = classLabels.count
        var weights: [Double]
        if let sampleWeights {
            guard sampleWeights.count == labels.count else {
                throw .sampleWeightCount(expected: labels.count, got: sampleWeights.count)
            }
            if let bad = sampleWeights.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
                throw .invalidSampleWeight(row: bad, value: sampleWeights[bad])
            }
            weights = sampleWeights
        } else {
            weights = [Double](repeating: 1, count: labels.count)
        }
        var classTotals = [Double](repeating: 0, count: classCount)
        for (y, w) in zip(labels, weights) { classTotals[Int(y)] += w }
        if let empty = classTotals.firstIndex(where: { $0 <= 0 }) {
            throw .emptyClass(index: empty, label: classLabels[empty])
        }
        let perClass: [Double]
        switch self {
        case .uniform:
            return weights
        case .balanced:
            let total = classTotals.reduce(0, +)
            perClass = classTotals.map { total / (Double(classCount) * $0) }
        case let .custom(given):
            guard given.count == classCount, given.allSatisfy({ $0.isFinite && $0 > 0 }) else {
                throw .invalidClassWeights(expectedCount: classCount, got: given)
            }
            perClass = given
        }
        for r in weights.indices { weights[r] *= perClass[Int(labels[r])] }
        return weights
    }
}
