extension JSONScanner {
    /// One JSON object (the scanner is at it) as a record, or the first problem in the same
    /// order as `JSONRecord`: fields in schema order, then unknown keys, then required fields.
    ///
    /// Syntax errors are thrown at once; a field problem is returned, so that the caller can
    /// finish checking the document's syntax first (a malformed body is a 400 whatever else).
    mutating func record(schema: RecordSchema, recordIndex: Int) throws(MalformedBodyError)
        -> Result<PredictionRecord, RecordValidationError> {
        let fields = schema.fields
        var scalars = [Scalar?](repeating: nil, count: fields.count)
        var unknown: String? = nil
        try expect(UInt8(ascii: "{"))
        if !consume(UInt8(ascii: "}")) {
            repeat {
                skipWhitespace()
                let key = try string()
                try expect(UInt8(ascii: ":"))
                if let position = schema.positions[key] {
                    scalars[position] = try scalar()
                } else {
                    try skipValue()
                    if unknown.map({ key < $0 }) ?? true { unknown = key }
                }
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"))
        }
        var values = [Double](repeating: .nan, count: fields.count)
        for (i, field) in fields.enumerated() {
            let raw: Double?
            switch scalars[i] {
            case nil: continue
            case .null: raw = nil
            case .number(let v): raw = v
            case .otherType:
                return .failure(RecordValidationError(recordIndex: recordIndex, field: field.name,
                                                      message: "expected a JSON number (\(field.type.rawValue)) or null"))
            }
            do {
                values[i] = try field.normalised(raw)
            } catch {
                return .failure(RecordValidationError(recordIndex: recordIndex, field: field.name, message: error.message))
            }
        }
        if let unknown {
            return .failure(RecordValidationError(recordIndex: recordIndex, field: unknown,
                                                  message: "unknown field; this model accepts \(schema.fieldList)"))
        }
        do { try schema.checkRequired(values, recordIndex: recordIndex) } catch { return .failure(error) }
        return .success(PredictionRecord(values: values))
    }

    /// Checks that only whitespace is left.
    mutating func expectEnd() throws(MalformedBodyError) {
        skipWhitespace()
        guard isAtEnd else { throw malformed("unexpected data after the document") }
    }
}
