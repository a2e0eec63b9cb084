import Hummingbird

/// One route: its handler and its description, from which the router, the OpenAPI document,
/// the docs page and the 405 answers are all made (`APIRoute.catalogue`), so a route cannot be
/// served without being documented or documented without being served.
struct APIRoute: Sendable {
    /// Answers a request with the server's handlers.
    typealias Handler = @Sendable (RouteHandlers, Request, BasicRequestContext) async throws -> Response

    /// What the request body holds.
    enum Body: Sendable { case none, record, batch, reload }
    /// What a successful answer holds.
    enum Success: Sendable {
        /// JSON described by the named component schema.
        case json(schema: String)
        case html
        case prometheus
    }

    let method: HTTPRequest.Method
    let path: String
    let operationID: String
    let summary: String
    let details: String
    /// Whether the route needs `X-API-Key` (unless the server runs with `--insecure-no-auth`).
    let requiresKey: Bool
    let body: Body
    /// Whether the route takes the `explain` query parameter.
    let acceptsExplain: Bool
    let success: Success
    /// The error statuses the route can answer, with when.
    let errors: [(status: Int, when: String)]
    /// Whether the key must be an administrator key (`ADMIN_API_KEYS`) rather than a prediction key.
    var requiresAdminKey = false
    /// What answers the route.
    let handler: Handler
}

/// The server's route handlers, grouped by concern, for the catalogue's `handler`s.
struct RouteHandlers: Sendable {
    /// Health and reload.
    let models: ModelRoutes
    /// Single and batch predictions.
    let predictions: PredictionRoutes
    /// OpenAPI document, docs page, Prometheus metrics.
    let documentation: DocumentationRoutes

    /// The handlers of `state`.
    init(state: ServerState) {
        models = ModelRoutes(state: state)
        predictions = PredictionRoutes(state: state)
        documentation = DocumentationRoutes(state: state)
    }
}

/// The paths of the API.
enum APIPath {
    static let health = "/api/v1/test"
    static let predict = "/api/v1/predict"
    static let predictBatch = "/api/v1/predict/batch"
    static let reloadModel = "/api/v1/reload_model"
    static let openAPI = "/api/openapi.json"
    static let docs = "/api/docs"
    static let metrics = "/metrics"
}
