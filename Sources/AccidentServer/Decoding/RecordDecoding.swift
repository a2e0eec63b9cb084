import AccidentML
import Foundation
import Hummingbird

/// Decodes JSON bodies with Foundation's `JSONDecoder`: the reload request, and the plain
/// record decoders that the fast ones (`JSONRecords`) are tested against.
enum RecordDecoding {
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

    /// A plain Decodable JSON body (e.g. the reload request).
    static func value<T: Decodable>(_ type: T.Type, json body: ByteBuffer) throws -> T {
        try withData(body) { try decoder.decode(T.self, from: $0) }
    }

    private static let decoder = JSONDecoder()

    /// Runs `body` on a `Data` view of the buffer's bytes (no copy); syntax errors become
    /// `MalformedBodyError`, other decoding errors pass through.
    private static func withData<T>(_ buffer: ByteBuffer, _ body: (Data) throws -> T) throws -> T {
        guard buffer.readableBytes > 0 else { throw MalformedBodyError(message: "the request body is empty") }
        return try buffer.withUnsafeReadableBytes { bytes in
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: bytes.baseAddress!),
                            count: bytes.count, deallocator: .none)
            do {
                return try body(data)
            } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
                throw MalformedBodyError(message: "the request body is not valid JSON")
            }
        }
    }
}
