import AccidentML
import Foundation
import NIOCore

/// Decodes JSON bodies with Foundation's `JSONDecoder`: the reload request (and, in the tests,
/// the plain record decoders that the fast ones, `JSONRecords`, are checked against).
package enum RecordDecoding {
    /// A plain Decodable JSON body (e.g. the reload request).
    package static func value<T: Decodable>(_ type: T.Type, json body: ByteBuffer) throws -> T {
        try withData(body) { try decoder.decode(T.self, from: $0) }
    }

    static let decoder = JSONDecoder()

    /// Runs `body` on a `Data` view of the buffer's bytes (no copy); syntax errors become
    /// `MalformedBodyError`, other decoding errors pass through.
    static func withData<T>(_ buffer: ByteBuffer, _ body: (Data) throws -> T) throws -> T {
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
