import AccidentML
import Foundation

/// A JSON array of records decoded by `JSONDecoder`, refused as soon as its length is known to
/// exceed the limit: the plain version of `JSONRecords.batch`.
struct JSONBatch: DecodableWithConfiguration {
    let records: [RawRecord]

    init(from decoder: any Decoder, configuration maxCount: Int) throws {
        guard var container = try? decoder.unkeyedContainer() else {
            throw BodyShapeError(message: "expected a JSON array of records")
        }
        if let count = container.count, count > maxCount {
            throw BatchTooLargeError(count: count, limit: maxCount)
        }
        var records: [RawRecord] = []
        while !container.isAtEnd {
            let index = container.currentIndex
            guard case .object(let fields) = try container.decode(RawValue.self) else {
                throw RecordValidationError(recordIndex: index, path: "", message: JSONRecords.notAnObject)
            }
            records.append(RawRecord(fields))
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
