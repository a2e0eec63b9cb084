import Hummingbird

extension APIRoute {
    private static let keyErrors: [(status: Int, when: String)] = [
        (401, "the X-API-Key header is missing or holds no valid key"),
    ]
    private static let bodyErrors: [(status: Int, when: String)] = [
        (400, "the body is not valid JSON (or CSV), or a query parameter is invalid"),
        (413, "the body is larger than MAX_BODY_BYTES"),
        (415, "the content type is not accepted"),
        (422, "a field is missing, of the wrong type or has a value that is not allowed; `field` names it"),
    ]

    /// Every route of the server.
    static let catalogue: [APIRoute] = [
        APIRoute(method: .get, path: APIPath.health, operationID: "health", summary: "Health check",
                 details: "Whether the server is up and which model is serving; needs no API key.",
                 requiresKey: false, body: .none, acceptsExplain: false, success: .json(schema: "Health"), errors: [],
                 handler: { try await $0.models.health($1, context: $2) }),
        APIRoute(method: .post, path: APIPath.predict, operationID: "predict", summary: "Predict one record",
                 details: "The predicted class and class probabilities of one record with BAAC field names and codes. "
                     + "With explain=true, the additive contributions of the encoded columns to the raw scores too "
                     + "(logistic: coefficient × value; trees: TreeSHAP), or 400 when the model cannot explain.",
                 requiresKey: true, body: .record, acceptsExplain: true, success: .json(schema: "Prediction"),
                 errors: keyErrors + bodyErrors + [(503, "no model is loaded")],
                 handler: { try await $0.predictions.predict($1, context: $2) }),
        APIRoute(method: .post, path: APIPath.predictBatch, operationID: "predictBatch", summary: "Predict a batch",
                 details: "Predictions for a JSON array of records, or a text/csv body with a header line of field names "
                     + "(flat records only: 415 for a model whose records hold lists), in request order. The batch is all or nothing: the first invalid record fails the whole batch "
                     + "with 422 naming `[index].field` (index from 0, over data rows for CSV); more than "
                     + "MAX_BATCH_SIZE records give 413.",
                 requiresKey: true, body: .batch, acceptsExplain: true, success: .json(schema: "BatchPrediction"),
                 errors: keyErrors + bodyErrors + [(503, "no model is loaded")],
                 handler: { try await $0.predictions.predictBatch($1, context: $2) }),
        APIRoute(method: .post, path: APIPath.reloadModel, operationID: "reloadModel", summary: "Load another model",
                 details: "Needs an administrator key (ADMIN_API_KEYS). Loads `model` (a registry reference "
                     + "models:/NAME@ALIAS or models:/NAME/VERSION, resolved, downloaded and verified through the "
                     + "registry, or a file path) or the model file at `path` (relative to the model folder, MODEL_DIR, "
                     + "or absolute below it), and swaps it in atomically: requests already running finish on the "
                     + "previous model. Any failure leaves the previous model serving.",
                 requiresKey: true, body: .reload, acceptsExplain: false, success: .json(schema: "ReloadResult"),
                 errors: keyErrors + [
                     (400, "the body is not valid JSON"),
                     (403, "the key is a prediction key, not an administrator key; or `path` is outside the model "
                         + "folder (`..`, an absolute path elsewhere, a symbolic link leading out)"),
                     (413, "the body is larger than MAX_BODY_BYTES"),
                     (415, "the content type is not application/json"),
                     (422, "neither `model` nor `path` is given (or both); the file could not be loaded; the reference "
                         + "is invalid or names no model, version or alias; the downloaded file is damaged"),
                     (502, "the registry is unreachable or answered an error (registry_unavailable, registry_bad_response)"),
                     (503, "a registry reference, but the server has no tracking URI (registry_not_configured)"),
                 ],
                 requiresAdminKey: true,
                 handler: { try await $0.models.reload($1, context: $2) }),
        APIRoute(method: .get, path: APIPath.openAPI, operationID: "openAPI", summary: "This OpenAPI document",
                 details: "The OpenAPI 3.1 description of every route; the record schema is the loaded model's.",
                 requiresKey: false, body: .none, acceptsExplain: false, success: .json(schema: "OpenAPIDocument"), errors: [],
                 handler: { try await $0.documentation.openAPI($1, context: $2) }),
        APIRoute(method: .get, path: APIPath.docs, operationID: "docs", summary: "API documentation page",
                 details: "A self-contained HTML page describing the routes and the record fields.",
                 requiresKey: false, body: .none, acceptsExplain: false, success: .html, errors: [],
                 handler: { try await $0.documentation.docs($1, context: $2) }),
        APIRoute(method: .get, path: APIPath.metrics, operationID: "metrics", summary: "Prometheus metrics",
                 details: "Requests by route and status, latency histograms, errors by code, predictions by class, "
                     + "the serving model and reload counts, in the Prometheus text format.",
                 requiresKey: false, body: .none, acceptsExplain: false, success: .prometheus, errors: [],
                 handler: { try await $0.documentation.metrics($1, context: $2) }),
    ]

    /// The methods of each path, for 405 answers and their `Allow` header.
    static let allowedMethods: [String: [HTTPRequest.Method]] = Dictionary(
        catalogue.map { ($0.path, [$0.method]) }, uniquingKeysWith: +)
}
