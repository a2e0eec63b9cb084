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

/// Precision, recall or F1 of the most-probable-class predictions, for the positive class or
/// macro-averaged (the mean of per-class scores, as scikit-learn's `precision_score`,
/// `recall_score` and `f1_score`).
public struct ClassScore: Metric {
    /// The per-class scores of a confusion matrix.
    public enum Kind: String, Sendable, CaseIterable {
        /// True positives over predicted positives.
        case precision
        /// True positives over actual positives.
        case recall
        /// Harmonic mean of precision and recall.
        case f1

        /// The score of one class.
        func score(_ matrix: ConfusionMatrix) -> (Int) -> Double {
            switch self {
            case .precision: matrix.precision(of:)
            case .recall: matrix.recall(of:)
            case .f1: matrix.f1(of:)
            }
        }
    }

    /// Which score.
    public let kind: Kind
    /// How the per-class scores are reduced.
    public let averaging: ClassAveraging
    /// Creates the metric (positive class by default, as scikit-learn).
    public init(_ kind: Kind, averaging: ClassAveraging = .positiveClass) {
        self.kind = kind
        self.averaging = averaging
    }
    /// The metric's name in reports, metrics files and early stopping: `f1`, `f1_macro`, ...
    public var name: String { averaging == .macro ? "\(kind.rawValue)_macro" : kind.rawValue }
    /// Whether a larger value is better.
    public var higherIsBetter: Bool { true }
    /// The metric of row-major class probabilities against the rows' class indices.
    public func evaluate(probabilities: [Float], labels: [Int32], classCount: Int) -> Double {
        ConfusionMatrix(probabilities: probabilities, labels: labels, classCount: classCount)
            .averaged(averaging, kind.score)
    }
}
