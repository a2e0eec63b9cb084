import AccidentML
import Foundation
import Hummingbird
@testable import AccidentRequests
@testable import AccidentServer

/// The plain record decoders (Foundation's `JSONDecoder`) that the fast ones (`JSONRecords`)
/// are tested against.
extension RecordDecoding {
    /// One JSON object (plain version of `JSONRecords.record`).
    static func record(json body: ByteBuffer) throws -> RawRecord {
        let decoded = try anyJSON { try value(RawValue.self, json: body) }
        guard case .object(let fields) = decoded else {
            throw BodyShapeError(message: JSONRecords.notAnObject)
        }
        return RawRecord(fields)
    }

    /// A JSON array of at most `maxCount` objects (plain version of `JSONRecords.batch`).
    static func batch(json body: ByteBuffer, maxCount: Int) throws -> [RawRecord] {
        try anyJSON { try withData(body) { try decoder.decode(JSONBatch.self, from: $0, configuration: maxCount).records } }
    }

    /// Decodes `RawValue`s, which accept any JSON: a `DecodingError` can only be invalid text
    /// that `JSONDecoder` found late (it checks strings and numbers when they are decoded).
    private static func anyJSON<T>(_ decode: () throws -> T) throws -> T {
        do { return try decode() } catch is DecodingError {
            throw MalformedBodyError(message: "the request body is not valid JSON")
        }
    }
}
