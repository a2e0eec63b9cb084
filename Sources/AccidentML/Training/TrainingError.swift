/// Why a training job refused its rows or its plan.
public enum TrainingError: AccidentMLError, Equatable {
    /// The validation plan is out of range: `parameter` (`holdOutFraction`, `folds`) and why.
    case invalidValidation(parameter: String, reason: String)
    /// Every row has the same class: nothing to tell apart.
    case singleClass(label: String)
    /// Too few rows for the validation plan (an empty side of the hold-out, more folds than rows).
    case tooFewRows(count: Int, validation: ValidationPlan)
    /// Separate validation rows do not have the training rows' layout (columns, classes, unit).
    case validationLayout(detail: String)

    /// What went wrong and how to fix it.
    public var description: String {
        switch self {
        case let .invalidValidation(_, reason):
            "invalid validation plan: \(reason)."
        case .singleClass(let label):
            "every row has the same class (\(label)); a classifier needs at least two. Fix: give more data, or check the labels."
        case .validationLayout(let detail):
            "the validation rows do not have the layout of the training rows: \(detail). "
                + "Fix: give validation data prepared like the training data (same columns in the same order, same classes)."
        case let .tooFewRows(count, .folds(k)):
            "\(Format.count(count)) rows are too few for \(k) folds. Fix: use fewer folds, or give more data."
        case let .tooFewRows(count, plan):
            "\(Format.count(count)) rows are too few for a \(plan). Fix: give more data or another hold-out share."
        }
    }

    /// The invalid parameter of the validation plan.
    public var parameter: String? {
        if case .invalidValidation(let name, _) = self { name } else { nil }
    }

    /// Invalid plans are usage errors; unusable rows are data errors.
    public var category: ErrorCategory {
        switch self {
        case .invalidValidation: .usage
        case .singleClass, .tooFewRows, .validationLayout: .data
        }
    }
}
