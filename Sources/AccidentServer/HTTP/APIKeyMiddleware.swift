import Hummingbird

/// Refuses requests without a valid `X-API-Key` with 401, before their body is read.
struct APIKeyMiddleware<Context: RequestContext>: RouterMiddleware {
    let keys: APIKeySet

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let sent = request.headers[.apiKey] else { throw APIError.missingKey }
        guard keys.contains(sent.utf8) else {
            // debug, not notice: a client trying keys must not fill the log; /metrics counts them (invalid_api_key).
            context.logger.debug("rejected API key")
            throw APIError.invalidKey
        }
        return try await next(request, context)
    }
}
