import AccidentML
import Foundation
@testable import AccidentRequests
@testable import AccidentServer

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
