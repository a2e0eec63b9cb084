/// Why gradient-boosted tree training refused its input.
public enum GBDTError: Error, CustomStringConvertible, Equatable {
    /// A parameter is out of range.
    case invalidParameter(name: String, value: String, expected: String)
    /// The training set has no rows.
    case emptyTrainingSet
    /// The labels name fewer than two classes.
    case tooFewClasses(count: Int)
    /// The validation set does not have the training set's shape.
    case validationMismatch(field: String, training: Int, validation: Int)

    /// What went wrong, where, and how to fix it.
    public var description: String {
        switch self {
        case let .invalidParameter(name, value, expected):
            return "GBDTParameters.\(name) is \(value); expected \(expected). Fix: give a value in that range."
        case .emptyTrainingSet:
            return "the training set has no rows; pass at least one labelled row to GBDTTrainer.train."
        case let .tooFewClasses(count):
            return "the training labels name \(count) class(es); a classifier needs at least 2 classLabels."
        case let .validationMismatch(field, training, validation):
            return "the validation set has \(validation) \(field) but the training set has \(training); "
                + "build both with the same encoder."
        }
    }
}

extension GBDTError: AccidentMLError {
    /// Invalid parameters are usage errors; the rest is about the data.
    public var category: ErrorCategory {
        if case .invalidParameter = self { .usage } else { .data }
    }

    /// The invalid parameter's name.
    public var parameter: String? {
        if case .invalidParameter(let name, _, _) = self { name } else { nil }
    }
}
