import Foundation

/// A coding key for any JSON object key or array position.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; self.intValue = nil }
    init(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}

/// One JSON object decoded straight into a `PredictionRecord`, validated field by field.
///
/// Fields are read in schema order, so the first error reported is deterministic. Unknown
/// keys are refused: a misspelt optional field would otherwise be silently treated as missing.
struct JSONRecord: DecodableWithConfiguration {
    let record: PredictionRecord

    init(from decoder: any Decoder, configuration schema: RecordSchema) throws {
        let recordIndex = decoder.codingPath.last?.intValue ?? 0
        guard let container = try? decoder.container(keyedBy: AnyCodingKey.self) else {
            let message = "expected a JSON object of BAAC fields (\(schema.fieldList))"
            if decoder.codingPath.isEmpty { throw BodyShapeError(message: message) }
            throw RecordValidationError(recordIndex: recordIndex, field: "", message: message)
        }
        var values = [Double](repeating: .nan, count: schema.fields.count)
        var found = 0
        for (i, field) in schema.fields.enumerated() {
            let key = AnyCodingKey(stringValue: field.name)
            guard container.contains(key) else { continue }
            found += 1
            let raw: Double?
            do {
                raw = try container.decodeNil(forKey: key) ? nil : try container.decode(Double.self, forKey: key)
            } catch {
                throw RecordValidationError(recordIndex: recordIndex, field: field.name,
                                            message: "expected a JSON number (\(field.type.rawValue)) or null")
            }
            do {
                values[i] = try field.normalised(raw)
            } catch {
                throw RecordValidationError(recordIndex: recordIndex, field: field.name, message: error.message)
            }
        }
        if found < container.allKeys.count {
            let unknown = container.allKeys.map(\.stringValue).filter { schema.positions[$0] == nil }.sorted()[0]
            throw RecordValidationError(recordIndex: recordIndex, field: unknown,
                                        message: "unknown field; this model accepts \(schema.fieldList)")
        }
        try schema.checkRequired(values, recordIndex: recordIndex)
        record = PredictionRecord(values: values)
    }
}

/// A JSON array of records, refused as soon as its length is known to exceed the limit.
struct JSONBatch: DecodableWithConfiguration {
    /// The schema and the maximum record count.
    struct Configuration: Sendable {
        let schema: RecordSchema
        let maxCount: Int
    }

    let records: [PredictionRecord]

    init(from decoder: any Decoder, configuration: Configuration) throws {
        guard var container = try? decoder.unkeyedContainer() else {
            throw BodyShapeError(message: "expected a JSON array of records")
        }
        if let count = container.count, count > configuration.maxCount {
            throw BatchTooLargeError(count: count, limit: configuration.maxCount)
        }
        var records: [PredictionRecord] = []
        records.reserveCapacity(container.count ?? 0)
        while !container.isAtEnd {
            records.append(try container.decode(JSONRecord.self, configuration: configuration.schema).record)
        }
        self.records = records
    }
}

/// A well-formed body of the wrong shape, e.g. an array where one record was expected, or
/// a CSV header naming an unknown column (`field`).
struct BodyShapeError: Error {
    let message: String
    var field: String? = nil
}

/// A body that cannot be parsed at all (JSON syntax, CSV structure, text encoding).
struct MalformedBodyError: Error {
    let message: String
}

/// A batch with more records than `MAX_BATCH_SIZE`; `count` is nil when reading stopped early.
struct BatchTooLargeError: Error {
    let count: Int?
    let limit: Int
}
