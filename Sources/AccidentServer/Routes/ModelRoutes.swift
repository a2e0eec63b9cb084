import Hummingbird

/// `GET /api/v1/test` and `POST /api/v1/reload_model`.
struct ModelRoutes: Sendable {
    let state: ServerState

    /// The reload request body.
    struct ReloadRequest: Decodable {
        let path: String
    }

    func health(_ request: Request, context: some RequestContext) async throws -> Response {
        let model = state.models.current
        return .json(.object([
            "status": .string(model == nil ? "no_model" : "ok"),
            "model_loaded": .bool(model != nil),
            "model": model?.json,
            "uptime_seconds": .number(state.uptimeSeconds),
        ]))
    }

    func reload(_ request: Request, context: some RequestContext) async throws -> Response {
        try PredictionRoutes.require(request, oneOf: ["application/json"])
        let body = try await RequestBodyReader.collect(request, limit: state.configuration.maxBodyBytes)
        let path: String
        do { path = try RecordDecoding.value(ReloadRequest.self, json: body).path } catch {
            throw APIError.from(error, batch: false)
        }
        let (new, old) = try await state.reload(from: path)
        return .json(.object([
            "status": "reloaded",
            "model": new.json,
            "previous_version": .string(old?.info.version),
        ]))
    }
}
