/// The metrics every run reports, in display order: ranking, probability quality, decisions.
public enum MetricSuite {
    /// AUC, log-loss, Brier score, accuracy and F1 (positive class for two classes, macro above).
    public static func metrics(classCount: Int) -> [any Metric] {
        [ROCAUC(), LogLoss(), BrierScore(), Accuracy(), classCount == 2 ? ClassScore(.f1) : ClassScore(.f1, averaging: .macro)]
    }

    /// Each metric's value on row-major probabilities, in `metrics(classCount:)` order.
    public static func evaluate(probabilities: [Float], labels: [Int32], classCount: Int) -> [(name: String, value: Double)] {
        metrics(classCount: classCount).map {
            ($0.name, $0.evaluate(probabilities: probabilities, labels: labels, classCount: classCount))
        }
    }
}

/// The headline metric of a run, which early stopping watches.
public enum MetricChoice: String, CaseIterable, Sendable {
    /// Area under the ROC curve (macro one-vs-rest above two classes).
    case auc
    /// Mean negative log-likelihood.
    case logloss

    /// The metric.
    public var metric: any Metric {
        switch self {
        case .auc: ROCAUC()
        case .logloss: LogLoss()
        }
    }
}
