import Foundation

/// How a training job validates its model.
public enum ValidationPlan: Sendable, Equatable, CustomStringConvertible {
    /// A stratified hold-out of this share of the rows, in (0, 1); the model trains on the rest.
    case holdOut(fraction: Double)
    /// Stratified k-fold cross-validation (k >= 2), then the final model on all rows.
    case folds(Int)
    /// No validation: the model trains on every row for fixed rounds (no early stopping), and
    /// the report has training metrics only.
    case allRows
    /// Validation rows given apart (another file or folder): the model trains on every row
    /// and validates, stops early and draws its curve on those.
    case separate

    /// The default: a 20 % stratified hold-out.
    public static let `default` = ValidationPlan.holdOut(fraction: 0.2)

    /// `20 % stratified hold-out`, `5-fold cross-validation`, `no validation: trained on all rows`,
    /// `separate validation rows`.
    public var description: String {
        switch self {
        case .holdOut(let f): String(format: "%g %% stratified hold-out", f * 100)
        case .folds(let k): "\(k)-fold cross-validation"
        case .allRows: "no validation: trained on all rows"
        case .separate: "separate validation rows"
        }
    }

    /// What the validation rows are called in metrics and row counts: `validation` or
    /// `out-of-fold`; `none` with `.allRows`, which scores no validation rows.
    public var scoredRowsName: String {
        switch self {
        case .holdOut, .separate: "validation"
        case .folds: "out-of-fold"
        case .allRows: "none"
        }
    }

    /// Whether the plan scores rows the model did not train on (false for `.allRows`).
    public var validates: Bool { self != .allRows }

    /// Checks the share or the fold count.
    public func validate() throws(TrainingError) {
        switch self {
        case .holdOut(let f) where !(f > 0 && f < 1):
            throw .invalidValidation(parameter: "holdOutFraction",
                                     reason: "the hold-out share is \(f); give a share between 0 and 1 (exclusive)")
        case .folds(let k) where k < 2:
            throw .invalidValidation(parameter: "folds", reason: "\(k) folds; cross-validation needs at least 2")
        default: return
        }
    }
}
