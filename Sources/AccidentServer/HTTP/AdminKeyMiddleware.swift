import Hummingbird

/// Guards the administration routes (model reloads): only an administrator key passes.
///
/// No key or an unknown one is 401, as on the prediction routes; a valid prediction key is 403,
/// so the client learns that its key works but does not allow this. Both sets are checked in
/// constant time, whatever the candidate.
struct AdminKeyMiddleware<Context: RequestContext>: RouterMiddleware {
    let adminKeys: APIKeySet
    let predictionKeys: APIKeySet

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let sent = request.headers[.apiKey] else { throw APIError.missingKey }
        let isAdmin = adminKeys.contains(sent.utf8)
        let isPrediction = predictionKeys.contains(sent.utf8)
        if isAdmin { return try await next(request, context) }
        if isPrediction {
            context.logger.debug("prediction key refused on an administration route")
            throw APIError.adminKeyRequired(adminKeysConfigured: !adminKeys.isEmpty)
        }
        context.logger.debug("rejected API key")  // counted in /metrics; never a log flood
        throw APIError.invalidKey
    }
}
