/// Why a numeric CSV could not be loaded: what, where (file, line, column) and how to fix.
public enum NumericCSVError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file cannot be opened.
    case cannotRead(file: String, reason: String)
    /// The file has no header line.
    case noHeader(file: String)
    /// A line cannot be split into the header's columns.
    case malformedRow(file: String, line: Int, detail: String)
    /// A cell is neither a number, empty, nor `NaN`.
    case badNumber(file: String, line: Int, column: String, value: String)
    /// A label file does not have exactly one column.
    case labelColumns(file: String, count: Int)
    /// A label cell is empty.
    case missingLabel(file: String, line: Int)
    /// The feature and label files have different row counts.
    case rowCountMismatch(features: String, featureRows: Int, labels: String, labelRows: Int)
    /// A validation feature file's header differs from the training file's at `column` (1-based);
    /// a name is nil past the end of its header.
    case layoutMismatch(training: String, validation: String, column: Int, trainingName: String?, validationName: String?)

    /// The message: what is wrong, where, and how to fix it.
    public var description: String {
        switch self {
        case let .cannotRead(file, reason):
            "\(file): cannot read: \(reason)."
        case let .noHeader(file):
            "\(file): no header line. Fix: the first line must hold the column names."
        case let .malformedRow(file, line, detail):
            "\(file):\(line): malformed row: \(detail). Fix: every line needs one value per header column."
        case let .badNumber(file, line, column, value):
            "\(file):\(line): column '\(column)': \"\(value)\" is not a number. Fix: write a decimal number, "
                + "or leave the cell empty (or NaN) for a missing value."
        case let .labelColumns(file, count):
            "\(file): a label file needs exactly one column, found \(count). Fix: keep only the target column."
        case let .missingLabel(file, line):
            "\(file):\(line): empty label. Fix: every row needs a label."
        case let .rowCountMismatch(features, featureRows, labels, labelRows):
            "\(features) has \(featureRows) rows but \(labels) has \(labelRows). Fix: use label and feature files "
                + "of the same split, in the same row order."
        case let .layoutMismatch(training, validation, column, a, b):
            "\(validation) does not have the columns of \(training): column \(column) is "
                + "\(a.map { "'\($0)'" } ?? "missing") in \(training) and \(b.map { "'\($0)'" } ?? "missing") in \(validation). "
                + "Fix: give validation data with the training file's header (same columns in the same order)."
        }
    }
}

extension NumericCSVError: AccidentMLError {
    /// A file that cannot be read is a missing input; the rest is bad data.
    public var category: ErrorCategory {
        if case .cannotRead = self { .missingInput } else { .data }
    }
}
