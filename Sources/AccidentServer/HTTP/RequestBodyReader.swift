import Foundation
import Hummingbird

/// Reads request bodies up to a byte limit, enforced while the bytes arrive.
enum RequestBodyReader {
    /// The whole body, or 413 as soon as the declared length or the bytes received so far
    /// exceed `limit`: an oversized body is never buffered.
    static func collect(_ request: Request, limit: Int) async throws(APIError) -> ByteBuffer {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw .bodyTooLarge(limit: limit)
        }
        var collected = ByteBuffer()
        do {
            for try await chunk in request.body {
                guard collected.readableBytes + chunk.readableBytes <= limit else { throw APIError.bodyTooLarge(limit: limit) }
                collected.writeImmutableBuffer(chunk)
            }
        } catch let e as APIError {
            throw e
        } catch {
            throw .malformedBody("the request body could not be read: \(error)")
        }
        return collected
    }

    /// The media type of the request (`application/json` when none is given), lower-cased,
    /// without parameters such as `charset`.
    static func mediaType(_ request: Request) -> String {
        guard let header = request.headers[.contentType] else { return "application/json" }
        if header == "application/json" { return header }  // the usual case, without parsing
        return (header.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }
}
