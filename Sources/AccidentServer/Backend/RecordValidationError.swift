/// A record that cannot be predicted: which record, which field, and why.
///
/// Thrown by the server's record decoder (wrong type, missing field, code not allowed) and
/// by backends for checks the field schema cannot express. The server answers 422 with the
/// field path `field` for a single record and `[recordIndex].field` for a batch.
public struct RecordValidationError: Error, CustomStringConvertible, Equatable {
    /// Position of the record in the request (0 for a single record).
    public var recordIndex: Int
    /// The field's BAAC name, e.g. `catu`.
    public var field: String
    /// What is wrong and how to fix it, e.g. "code 7 is not allowed; expected one of 1, 2, 3".
    public var message: String

    /// Creates a validation error.
    public init(recordIndex: Int, field: String, message: String) {
        self.recordIndex = recordIndex; self.field = field; self.message = message
    }

    public var description: String { "record \(recordIndex), field '\(field)': \(message)" }
}
