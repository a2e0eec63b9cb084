/// Counts of (actual class, predicted class) pairs, predictions being the most probable class:
/// the basis of accuracy, precision, recall and F1.
public struct ConfusionMatrix: Sendable, Equatable {
    /// Number of classes.
    public let classCount: Int
    /// Row-major counts: `counts[actual * classCount + predicted]` (rows are the true classes,
    /// as in scikit-learn's `confusion_matrix`).
    public let counts: [Int]

    /// Counts predicted against actual class indices (both below `classCount`).
    public init(predicted: [Int32], actual: [Int32], classCount: Int) {
        precondition(predicted.count == actual.count, "predicted and actual disagree in count")
        precondition(classCount >= 1, "at least one class")
        var counts = [Int](repeating: 0, count: classCount * classCount)
        for (p, a) in zip(predicted, actual) {
            precondition(p >= 0 && Int(p) < classCount && a >= 0 && Int(a) < classCount, "class index out of range")
            counts[Int(a) * classCount + Int(p)] += 1
        }
        self.classCount = classCount
        self.counts = counts
    }

    /// Counts the most probable class of each row (the first on ties, as `argmax`) against the labels.
    public init(probabilities: [Float], labels: [Int32], classCount: Int) {
        self.init(predicted: Self.predictedClasses(probabilities: probabilities, classCount: classCount),
                  actual: labels, classCount: classCount)
    }

    /// The most probable class of each row of row-major probabilities; ties go to the lower index.
    public static func predictedClasses(probabilities: [Float], classCount: Int) -> [Int32] {
        precondition(classCount >= 1 && probabilities.count % classCount == 0, "probabilities are not whole rows")
        return stride(from: 0, to: probabilities.count, by: classCount).map { start in
            Int32(ClassChoice.mostProbable(probabilities[start..<(start + classCount)]))
        }
    }

    /// The number of rows of class `actual` predicted as `predicted`.
    public func count(actual: Int, predicted: Int) -> Int { counts[actual * classCount + predicted] }

    /// Number of rows counted.
    public var total: Int { counts.reduce(0, +) }

    /// Share of rows predicted right; NaN without rows.
    public var accuracy: Double {
        let correct = (0..<classCount).reduce(0) { $0 + count(actual: $1, predicted: $1) }
        return total == 0 ? .nan : Double(correct) / Double(total)
    }

    /// Rows predicted as class `k`.
    func predictedCount(_ k: Int) -> Int { (0..<classCount).reduce(0) { $0 + count(actual: $1, predicted: k) } }
    /// Rows of class `k`.
    func actualCount(_ k: Int) -> Int { (0..<classCount).reduce(0) { $0 + count(actual: k, predicted: $1) } }

    /// Of the rows predicted as `k`, the share that are `k`; 0 when none is predicted
    /// (scikit-learn's `zero_division` default).
    public func precision(of k: Int) -> Double { ratio(count(actual: k, predicted: k), predictedCount(k)) }

    /// Of the rows of class `k`, the share predicted as `k`; 0 when the class is absent.
    public func recall(of k: Int) -> Double { ratio(count(actual: k, predicted: k), actualCount(k)) }

    /// Harmonic mean of precision and recall of class `k`; 0 when both are 0.
    public func f1(of k: Int) -> Double {
        let p = precision(of: k), r = recall(of: k)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// The classes that occur among the labels or the predictions: those macro averages run over.
    public var classesPresent: [Int] { (0..<classCount).filter { actualCount($0) + predictedCount($0) > 0 } }

    private func ratio(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }
}
