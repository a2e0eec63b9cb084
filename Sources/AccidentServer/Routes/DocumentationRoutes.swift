import Hummingbird

/// `GET /api/openapi.json`, `GET /api/docs` and `GET /metrics`.
struct DocumentationRoutes: Sendable {
    let state: ServerState

    /// The document for the model serving now.
    var document: OpenAPIDocument {
        OpenAPIDocument(routes: APIRoute.catalogue, model: state.models.current,
                        authEnabled: !state.configuration.allowsUnauthenticated,
                        maxBatchSize: state.configuration.maxBatchSize)
    }

    func openAPI(_ request: Request, context: some RequestContext) async throws -> Response {
        .json(document.json)
    }

    func docs(_ request: Request, context: some RequestContext) async throws -> Response {
        .text(DocsPage.render(document), contentType: "text/html; charset=utf-8")
    }

    func metrics(_ request: Request, context: some RequestContext) async throws -> Response {
        .text(PrometheusText.render(state.metrics.snapshot, model: state.models.current?.info,
                                    connections: state.connections.snapshot, predictionLog: state.predictionLog?.logger.statistics),
              contentType: PrometheusText.contentType)
    }
}
