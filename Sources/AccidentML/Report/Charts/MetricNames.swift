/// Display names of the metrics the library computes, for chart titles and cards.
enum MetricNames {
    /// `auc` → `ROC AUC`; unknown names are shown as they are.
    static func display(_ name: String) -> String {
        switch name {
        case "auc": "ROC AUC"
        case "logloss": "log-loss"
        case "brier": "Brier score"
        case "accuracy": "accuracy"
        case "precision": "precision"
        case "recall": "recall"
        case "f1": "F1"
        case "precision_macro": "precision (macro)"
        case "recall_macro": "recall (macro)"
        case "f1_macro": "F1 (macro)"
        default: name
        }
    }
}
