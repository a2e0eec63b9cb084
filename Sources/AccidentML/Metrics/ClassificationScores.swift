/// How a per-class score becomes one number.
public enum ClassAveraging: Sendable, Equatable {
    /// The score of the positive class (index 1) of a binary problem (scikit-learn `average="binary"`).
    case positiveClass
    /// The unweighted mean over the classes present in labels or predictions (`average="macro"`).
    case macro
}

extension ConfusionMatrix {
    /// A per-class score reduced by `averaging`; NaN for a macro average without any class.
    func averaged(_ averaging: ClassAveraging, _ score: (ConfusionMatrix) -> (Int) -> Double) -> Double {
        switch averaging {
        case .positiveClass:
            precondition(classCount == 2, "positive-class averaging needs 2 classes, got \(classCount); use .macro")
            return score(self)(1)
        case .macro:
            let present = classesPresent
            return present.isEmpty ? .nan : present.reduce(0) { $0 + score(self)($1) } / Double(present.count)
        }
    }
}

/// Share of rows whose most probable class is the true one.
public struct Accuracy: Metric {
    /// Creates the metric.
    public init() {}
    /// The metric's name in reports, metrics files and early stopping.
    public var name: String { "accuracy" }
    /// Whether a larger value is better.
    public var higherIsBetter: Bool { true }
    /// The metric of row-major class probabilities against the rows' class indices.
    public func evaluate(probabilities: [Float], labels: [Int32], classCount: Int) -> Double {
        ConfusionMatrix(probabilities: probabilities, labels: labels, classCount: classCount).accuracy
    }
}

/// Precision of the most-probable-class predictions, for the positive class or macro-averaged.
public struct Precision: Metric {
    /// How the per-class precisions are reduced.
    public let averaging: ClassAveraging
    /// Creates the metric (positive class by default, as scikit-learn's `precision_score`).
    public init(averaging: ClassAveraging = .positiveClass) { self.averaging = averaging }
    /// The metric's name in reports, metrics files and early stopping.
    public var name: String { averaging == .macro ? "precision_macro" : "precision" }
    /// Whether a larger value is better.
    public var higherIsBetter: Bool { true }
    /// The metric of row-major class probabilities against the rows' class indices.
    public func evaluate(probabilities: [Float], labels: [Int32], classCount: Int) -> Double {
        ConfusionMatrix(probabilities: probabilities, labels: labels, classCount: classCount)
            .averaged(averaging, ConfusionMatrix.precision(of:))
    }
}

/// Recall of the most-probable-class predictions, for the positive class or macro-averaged.
public struct Recall: Metric {
    /// How the per-class recalls are reduced.
    public let averaging: ClassAveraging
    /// Creates the metric (positive class by default, as scikit-learn's `recall_score`).
    public init(averaging: ClassAveraging = .positiveClass) { self.averaging = averaging }
    /// The metric's name in reports, metrics files and early stopping.
    public var name: String { averaging == .macro ? "recall_macro" : "recall" }
    /// Whether a larger value is better.
    public var higherIsBetter: Bool { true }
    /// The metric of row-major class probabilities against the rows' class indices.
    public func evaluate(probabilities: [Float], labels: [Int32], classCount: Int) -> Double {
        ConfusionMatrix(probabilities: probabilities, labels: labels, classCount: classCount)
            .averaged(averaging, ConfusionMatrix.recall(of:))
    }
}

/// F1 score, for the positive class or macro-averaged (the mean of per-class F1, as scikit-learn).
public struct F1Score: Metric {
    /// How the per-class F1 scores are reduced.
    public let averaging: ClassAveraging
    /// Creates the metric (positive class by default, as scikit-learn's `f1_score`).
    public init(averaging: ClassAveraging = .positiveClass) { self.averaging = averaging }
    /// The metric's name in reports, metrics files and early stopping.
    public var name: String { averaging == .macro ? "f1_macro" : "f1" }
    /// Whether a larger value is better.
    public var higherIsBetter: Bool { true }
    /// The metric of row-major class probabilities against the rows' class indices.
    public func evaluate(probabilities: [Float], labels: [Int32], classCount: Int) -> Double {
        ConfusionMatrix(probabilities: probabilities, labels: labels, classCount: classCount)
            .averaged(averaging, ConfusionMatrix.f1(of:))
    }
}
