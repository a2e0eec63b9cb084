/// Why logistic regression could not train, or a logistic model could not be built.
public enum LogisticRegressionError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The training set has no rows.
    case noRows
    /// A class has no training rows (or only rows of zero weight), so its optimum is at infinity.
    case emptyClass(index: Int, label: String)
    /// A feature value is NaN or infinite; logistic regression has no notion of missing values.
    case nonFiniteFeature(row: Int, column: Int, name: String)
    /// A hyper-parameter is out of range.
    case invalidParameter(name: String, value: String, expected: String)
    /// Sample weights: wrong count.
    case sampleWeightCount(expected: Int, got: Int)
    /// A sample weight is negative or not finite.
    case invalidSampleWeight(row: Int, value: Double)
    /// Custom class weights: wrong count, or a weight is negative or not finite.
    case invalidClassWeights(expectedCount: Int, got: [Double])
    /// Coefficients or intercepts given to `LogisticModel` have the wrong count or are not finite.
    case invalidModel(String)

    /// What went wrong, where, and how to fix it.
    public var description: String {
        switch self {
        case .noRows:
            return "logistic regression: the training set has no rows; check the split or the input file"
        case let .emptyClass(index, label):
            return "logistic regression: class \(index) (\"\(label)\") has no training rows of positive weight; "
                + "drop it from classLabels or add rows of that class"
        case let .nonFiniteFeature(row, column, name):
            return "logistic regression: feature \"\(name)\" (column \(column)) is NaN or infinite at row \(row); "
                + "impute missing values (and standardise) before training a linear model"
        case let .invalidParameter(name, value, expected):
            return "logistic regression: parameter \(name) = \(value) is invalid; expected \(expected)"
        case let .sampleWeightCount(expected, got):
            return "logistic regression: \(got) sample weights for \(expected) rows; pass one weight per row"
        case let .invalidSampleWeight(row, value):
            return "logistic regression: sample weight \(value) at row \(row) is invalid; weights must be finite and >= 0"
        case let .invalidClassWeights(expectedCount, got):
            return "logistic regression: class weights \(got) are invalid; expected \(expectedCount) finite weights > 0, "
                + "one per class label in order"
        case let .invalidModel(detail):
            return "logistic model: \(detail)"
        }
    }
}

extension LogisticRegressionError: AccidentMLError {
    /// Invalid parameters are usage errors; the rest is about the data.
    public var category: ErrorCategory {
        if case .invalidParameter = self { .usage } else { .data }
    }

    /// The invalid parameter's name.
    public var parameter: String? {
        if case .invalidParameter(let name, _, _) = self { name } else { nil }
    }
}
