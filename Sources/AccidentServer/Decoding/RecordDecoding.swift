import Hummingbird
import Foundation

/// Decodes JSON bodies with Foundation's `JSONDecoder`: the reload request, and the plain
/// record decoders that the fast ones (`JSONRecords`) are tested against.
enum RecordDecoding {
    /// One JSON object (plain version of `JSONRecords.record`).
    static func record(json body: ByteBuffer, schema: RecordSchema) throws -> PredictionRecord {
        try decode(JSONRecord.self, from: body, configuration: schema).record
    }

    /// A JSON array of at most `maxCount` objects (plain version of `JSONRecords.batch`).
    static func batch(json body: ByteBuffer, schema: RecordSchema, maxCount: Int) throws -> [PredictionRecord] {
        try decode(JSONBatch.self, from: body, configuration: .init(schema: schema, maxCount: maxCount)).records
    }

    /// A plain Decodable JSON body (e.g. the reload request).
    static func value<T: Decodable>(_ type: T.Type, json body: ByteBuffer) throws -> T {
        try withData(body) { try decoder.decode(T.self, from: $0) }
    }

    private static let decoder = JSONDecoder()

    private static func decode<T: DecodableWithConfiguration>(
        _ type: T.Type, from body: ByteBuffer, configuration: T.DecodingConfiguration
    ) throws -> T {
        try withData(body) { try decoder.decode(T.self, from: $0, configuration: configuration) }
    }

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
