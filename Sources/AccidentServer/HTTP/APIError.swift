import AccidentML
import AccidentRequests
import Foundation
import Hummingbird

/// An error answered to the client as `{"error": {"code", "message", "field"?, "request_id"}}`.
///
/// Every failure a client can cause maps to one of these with a 4xx status; only faults of
/// the server or the model give a 5xx.
struct APIError: Error, Equatable {
    let status: HTTPResponse.Status
    /// A stable machine-readable code, e.g. `invalid_field`.
    let code: String
    /// What went wrong and how to fix it.
    let message: String
    /// The field path, e.g. `catu` or `[3].catu`, for errors about one field.
    var field: String? = nil
    /// Extra response headers, e.g. `Allow` for 405.
    var headers: HTTPFields = [:]

    /// The most characters of a message or field path answered; longer ones are clipped, so no
    /// bad value, however large, comes back whole.
    static let maxEchoedCharacters = 2000

    /// The JSON error response for the request with id `requestID`.
    func response(requestID: String) -> Response {
        let clip = { (text: String) in Format.clipped(text, limit: Self.maxEchoedCharacters) }
        let body: JSONValue = .object([
            "error": .object([
                "code": .string(code), "message": .string(clip(message)),
                "field": .string(field.map(clip)), "request_id": .string(requestID),
            ]),
        ])
        var headers = self.headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: body.serialized()))
    }
}

extension APIError {
    static func malformedBody(_ message: String) -> APIError {
        APIError(status: .badRequest, code: "malformed_body", message: message)
    }

    static func invalidQuery(_ name: String, _ message: String) -> APIError {
        APIError(status: .badRequest, code: "invalid_query", message: message, field: name)
    }

    static let missingKey = APIError(status: .unauthorized, code: "missing_api_key",
                                     message: "this route needs an API key in the X-API-Key header")
    static let invalidKey = APIError(status: .unauthorized, code: "invalid_api_key",
                                     message: "the X-API-Key header does not hold a valid API key")

    static func notFound(_ path: String) -> APIError {
        APIError(status: .notFound, code: "not_found",
                 message: "no route \(path); see /api/docs for the routes of this API")
    }

    static func methodNotAllowed(_ method: HTTPRequest.Method, path: String, allowed: [HTTPRequest.Method]) -> APIError {
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        return APIError(status: .methodNotAllowed, code: "method_not_allowed",
                        message: "\(path) does not accept \(method.rawValue); use \(list)",
                        headers: [.allow: list])
    }

    static func bodyTooLarge(limit: Int) -> APIError {
        APIError(status: .contentTooLarge, code: "body_too_large",
                 message: "the request body is larger than the limit of \(limit) bytes (MAX_BODY_BYTES)")
    }

    static func batchTooLarge(count: Int?, limit: Int) -> APIError {
        let found = count.map { "\($0) records, more" } ?? "more records"
        return APIError(status: .contentTooLarge, code: "batch_too_large",
                        message: "the batch has \(found) than the limit of \(limit) (MAX_BATCH_SIZE); split it")
    }

    static func unsupportedMediaType(_ found: String, accepted: [String]) -> APIError {
        APIError(status: .unsupportedMediaType, code: "unsupported_media_type",
                 message: "content type \(found) is not accepted here; send \(accepted.joined(separator: " or "))")
    }

    static func explanationsUnsupported(_ info: ModelInfo) -> APIError {
        APIError(status: .badRequest, code: "explanations_unsupported",
                 message: "per-feature contributions (explain=true) are not available for the serving model "
                     + "(kind '\(info.kind)', version \(info.version)): a tree model needs its trees' covers, which "
                     + "its file lacks; retrain it with this version of AccidentML, or ask without explain")
    }

    static let modelNotLoaded = APIError(status: .serviceUnavailable, code: "model_not_loaded",
                                         message: "no model is loaded; load one with POST /api/v1/reload_model")

    static func modelLoadFailed(path: String, _ error: any Error) -> APIError {
        APIError(status: .unprocessableContent, code: "model_load_failed",
                 message: "could not load \(ClientText.escaped(path)): \(ClientText.escaped("\(error)", limit: 1000)); "
                     + "the previous model keeps serving", field: "path")
    }

    static func predictionFailed(_ error: any Error) -> APIError {
        APIError(status: .internalServerError, code: "prediction_failed", message: "the model failed: \(error)")
    }

    static let internalError = APIError(status: .internalServerError, code: "internal_error",
                                        message: "an unexpected server error; the request id is in the server log")

    /// A record problem found by the decoder or the model; `batch` prefixes `[index]` to the path.
    static func invalidRecord(_ e: RecordValidationError, batch: Bool) -> APIError {
        let path = batch ? "[\(e.recordIndex)]" + (e.path.isEmpty ? "" : "." + e.path) : e.path
        return APIError(status: .unprocessableContent, code: "invalid_field", message: e.message,
                        field: path.isEmpty ? nil : path)
    }

    /// CSV sent for a model whose records hold lists of objects.
    static func csvNotSupported(nestedFields: [String]) -> APIError {
        APIError(status: .unsupportedMediaType, code: "unsupported_media_type",
                 message: "this model's records hold lists of objects (" + nestedFields.joined(separator: ", ")
                     + "), which CSV cannot carry: send the batch as application/json")
    }

    /// The answer for an error thrown while decoding a body or predicting.
    static func from(_ error: any Error, batch: Bool) -> APIError {
        switch error {
        case let e as APIError: return e
        case let e as RecordValidationError: return .invalidRecord(e, batch: batch)
        case let e as MalformedBodyError: return .malformedBody(e.message)
        case let e as BodyShapeError:
            return APIError(status: .unprocessableContent, code: "invalid_body", message: e.message, field: e.field)
        case let e as BatchTooLargeError: return .batchTooLarge(count: e.count, limit: e.limit)
        case let e as DecodingError: return .decoding(e)
        case let e as any AccidentMLError: return .library(e)
        default: return .predictionFailed(error)
        }
    }

    /// A library error met while serving, by its category: a service that is down is 503;
    /// anything else is the model failing (500), since a record's own problems arrive as
    /// `RecordValidationError`s.
    static func library(_ error: any AccidentMLError) -> APIError {
        switch error.category {
        case .unavailable:
            APIError(status: .serviceUnavailable, code: "service_unavailable", message: error.description)
        case .usage, .data, .missingInput, .output:
            .predictionFailed(error)
        }
    }

    /// A well-formed JSON body whose fields do not match a Decodable request type.
    static func decoding(_ error: DecodingError) -> APIError {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingPrefix(".").description
        }
        switch error {
        case .keyNotFound(let key, let context):
            return APIError(status: .unprocessableContent, code: "invalid_field",
                            message: "missing required field", field: path(context.codingPath + [key]))
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return APIError(status: .unprocessableContent, code: "invalid_field",
                            message: "expected a value of type \(type)", field: path(context.codingPath))
        case .dataCorrupted(let context):
            return APIError(status: .unprocessableContent, code: "invalid_field",
                            message: context.debugDescription, field: path(context.codingPath))
        @unknown default:
            return .malformedBody("the request body could not be decoded")
        }
    }
}
