import Foundation

/// How a training job validates its model.
public enum ValidationPlan: Sendable, Equatable, CustomStringConvertible {
    /// A stratified hold-out of this share of the rows, in (0, 1); the model trains on the rest.
    case holdOut(fraction: Double)
    /// Stratified k-fold cross-validation (k >= 2), then the final model on all rows.
    case folds(Int)

    /// The default: a 20 % stratified hold-out.
    public static let `default` = ValidationPlan.holdOut(fraction: 0.2)

    /// `20 % stratified hold-out`, `5-fold cross-validation`.
    public var description: String {
        switch self {
        case .holdOut(let f): String(format: "%g %% stratified hold-out", f * 100)
        case .folds(let k): "\(k)-fold cross-validation"
        }
    }

    /// What the validation rows are called in metrics and row counts: `validation` or `out-of-fold`.
    public var scoredRowsName: String {
        switch self {
        case .holdOut: "validation"
        case .folds: "out-of-fold"
        }
    }

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
