import AccidentRequests
import Hummingbird

/// `GET /api/v1/test` and `POST /api/v1/reload_model`.
struct ModelRoutes: Sendable {
    let state: ServerState

    /// The reload request body: `model` (a registry reference or a file path) or `path` (a file path).
    struct ReloadRequest: Decodable {
        let model: String?
        let path: String?

        /// The one source the body names; 422 when it names none or both.
        func source() throws(APIError) -> ModelSource {
            switch (model, path) {
            case (let model?, nil):
                do { return try ModelSource(parsing: model) } catch { throw .registry(error) }
            case (nil, let path?): return .file(path)
            default:
                throw APIError(status: .unprocessableContent, code: "invalid_field",
                               message: "give either `model` (models:/NAME@ALIAS, models:/NAME/VERSION or a file path) "
                                   + "or `path` (a model file below the model folder)", field: "model")
            }
        }
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
        let reload: ReloadRequest
        do { reload = try RecordDecoding.value(ReloadRequest.self, json: body) } catch {
            throw APIError.from(error, batch: false)
        }
        let (new, old) = try await state.reload(try reload.source())
        return .json(.object([
            "status": "reloaded",
            "model": new.json,
            "previous_version": .string(old?.info.version),
        ]))
    }
}
