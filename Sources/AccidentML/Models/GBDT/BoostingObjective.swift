/// The loss a GBDT model boosts, chosen by name as LightGBM's `objective`: it fixes the
/// trees per round (score columns), the gradients and the link from raw scores to
/// probabilities, and is saved in the model file.
///
/// Adding an objective: a case here (its name, columns, link and loss) and its `GBDTObjective`
/// loss (see docs/architecture.md).
public enum BoostingObjective: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Binary log-loss on the logit of class 1, one tree per round (LightGBM's `binary`).
    case binary
    /// Softmax cross-entropy, one tree per class and round (LightGBM's `multiclass`).
    case multiclass

    /// The objective named `name` (LightGBM's names); an unknown name lists the known ones.
    public init(named name: String) throws(GBDTError) {
        guard let objective = BoostingObjective(rawValue: name) else {
            throw .invalidParameter(name: "objective", value: name,
                                    expected: "one of " + Self.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = objective
    }

    /// LightGBM's usual choice for `classCount` classes: `binary` for two, `multiclass` above.
    public static func standard(classCount: Int) -> BoostingObjective {
        ClassScores.columns(classCount: classCount) == 1 ? .binary : .multiclass
    }

    /// The name, as written in the model file.
    public var description: String { rawValue }

    /// Trees per round: 1 for `binary`, one per class for `multiclass`.
    public func scoreColumns(classCount: Int) -> Int {
        switch self {
        case .binary: 1
        case .multiclass: classCount
        }
    }

    /// Why the objective cannot model `classCount` classes, or nil.
    func problem(classCount: Int) -> String? {
        switch self {
        case .binary: classCount == 2 ? nil : "binary models 2 classes, the labels have \(classCount)"
        case .multiclass: classCount >= 2 ? nil : "multiclass needs at least 2 classes, the labels have \(classCount)"
        }
    }

    /// How raw scores become probabilities.
    func link(classCount: Int) -> ScoreLink {
        switch self {
        case .binary: .sigmoid
        case .multiclass: .softmax
        }
    }

    /// The loss boosted for `classCount` classes.
    func loss(classCount: Int) -> any GBDTObjective {
        switch self {
        case .binary: BinaryLogisticObjective()
        case .multiclass: SoftmaxObjective(classCount: classCount)
        }
    }
}
