import Hummingbird

/// The description of one route: what the OpenAPI document, the docs page and the 405
/// answers are made from. The router registers its handlers separately (`APIRouter`);
/// a test checks that the two list the same routes.
struct APIRoute: Sendable {
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
