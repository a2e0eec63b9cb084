import Hummingbird
import Logging

/// Gives each request an id: the client's `X-Request-Id` when it is a sane token, else the
/// one Hummingbird generated. The id goes into every log line of the request
/// (`hb.request.id`), every error body, and the response's `X-Request-Id` header.
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let sent = request.headers[.requestID], RequestIDRules.isAcceptable(sent) {
            context.logger[metadataKey: "hb.request.id"] = .string(sent)
        }
        let id = context.id
        var response = try await next(request, context)
        response.headers[.requestID] = id
        return response
    }
}

/// Which client request ids are honoured.
enum RequestIDRules {
    /// Longest client id honoured; longer or odd ones are replaced, not trusted into the logs.
    static let maximumLength = 128

    /// Printable ASCII without spaces, quotes or backslashes, at most `maximumLength` bytes.
    static func isAcceptable(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= maximumLength
            && id.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }
}
