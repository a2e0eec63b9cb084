/// A backend's input fields prepared for decoding: the fields plus a name → position index.
///
/// Built once per loaded model, so decoding a record never rebuilds it.
struct RecordSchema: Sendable {
    /// The fields in record order.
    let fields: [InputField]
    /// Position of each field by name.
    let positions: [String: Int]

    init(fields: [InputField]) {
        var positions: [String: Int] = [:]
        for (i, field) in fields.enumerated() {
            precondition(positions.updateValue(i, forKey: field.name) == nil, "duplicate input field \(field.name)")
        }
        self.fields = fields
        self.positions = positions
    }

    /// The names of the fields, for "unknown field" messages.
    var fieldList: String { fields.map(\.name).joined(separator: ", ") }

    /// Checks that every required field has a value, in field order.
    func checkRequired(_ values: [Double], recordIndex: Int) throws(RecordValidationError) {
        for (i, field) in fields.enumerated() where field.isRequired && values[i].isNaN {
            throw RecordValidationError(recordIndex: recordIndex, field: field.name, message: InputField.missingMessage)
        }
    }
}
