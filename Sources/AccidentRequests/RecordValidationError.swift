import AccidentML

/// A record that cannot be predicted: which record, which field, and why.
///
/// The server answers 422 with the field path `path` for a single record and
/// `[recordIndex].path` for a batch (e.g. `[2].vehicles[1].catv`).
public struct RecordValidationError: Error, CustomStringConvertible, Equatable {
    /// Position of the record in the request (0 for a single record).
    public var recordIndex: Int
    /// The field path inside the record, e.g. `catu` or `vehicles[1].catv`; empty when the
    /// record as a whole is wrong (not a JSON object).
    public var path: String
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates a validation error.
    public init(recordIndex: Int, path: String, message: String) {
        self.recordIndex = recordIndex; self.path = path; self.message = message
    }

    /// The core's validation error of record `recordIndex`.
    public init(recordIndex: Int, _ error: FeatureInputError) {
        self.init(recordIndex: recordIndex, path: error.path, message: error.description)
    }

    /// What went wrong, where, and how to fix it.
    public var description: String { "record \(recordIndex), field '\(path)': \(message)" }
}
