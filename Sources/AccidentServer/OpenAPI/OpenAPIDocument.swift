/// Builds the OpenAPI 3.1 document of the server from the route catalogue and the loaded
/// model's input fields.
struct OpenAPIDocument {
    let routes: [APIRoute]
    let model: LoadedModel?
    let authEnabled: Bool
    let maxBatchSize: Int

    var json: JSONValue {
        .object([
            "openapi": "3.1.0",
            "info": .object([
                "title": "AccidentML prediction API",
                "version": "1",
                "description": .string("Predicts the severity of road accidents from BAAC records (field names and codes "
                    + "of the official French road accident files) for emergency dispatch. "
                    + "Errors are JSON: {\"error\": {\"code\", \"message\", \"field\"?, \"request_id\"}}."),
            ]),
            "paths": .object(paths),
            "components": .object([
                "securitySchemes": .object([
                    "ApiKey": .object(["type": "apiKey", "in": "header", "name": "X-API-Key"]),
                    "AdminApiKey": .object(["type": "apiKey", "in": "header", "name": "X-API-Key",
                                            "description": "An administrator key (ADMIN_API_KEYS); a prediction key gets 403."]),
                ]),
                "parameters": .object([
                    "RequestId": .object([
                        "name": "X-Request-Id", "in": "header", "required": false,
                        "description": "An id for this request, echoed in the response header and error bodies; generated when absent.",
                        "schema": .object(["type": "string", "maxLength": .integer(RequestIDRules.maximumLength)]),
                    ]),
                ]),
                "schemas": .object(OpenAPISchemas.all(model: model, maxBatchSize: maxBatchSize)),
            ]),
        ])
    }

    /// Paths in catalogue order, each with its methods.
    private var paths: [(String, JSONValue)] {
        var order: [String] = []
        var operations: [String: [(String, JSONValue)]] = [:]
        for route in routes {
            if operations[route.path] == nil { order.append(route.path) }
            operations[route.path, default: []].append((route.method.rawValue.lowercased(), operation(route)))
        }
        return order.map { ($0, .object(operations[$0]!)) }
    }

    private func operation(_ route: APIRoute) -> JSONValue {
        var parameters: [JSONValue] = [.object(["$ref": "#/components/parameters/RequestId"])]
        if route.acceptsExplain {
            parameters.append(.object([
                "name": "explain", "in": "query", "required": false,
                "description": "true: add per-feature contributions (400 when the model kind does not support them).",
                "schema": .object(["type": "boolean", "default": false]),
            ]))
        }
        var responses: [(String, JSONValue)] = [("200", success(route))]
        for error in route.errors {
            responses.append((String(error.status), .object([
                "description": .string(error.when),
                "content": .object(["application/json": .object(["schema": ref("Error")])]),
            ])))
        }
        return .object([
            "operationId": .string(route.operationID),
            "summary": .string(route.summary),
            "description": .string(route.details),
            "security": .array(route.requiresKey && authEnabled
                ? [.object([route.requiresAdminKey ? "AdminApiKey" : "ApiKey": []])] : []),
            "parameters": .array(parameters),
            "requestBody": requestBody(route.body),
            "responses": .object(responses),
        ])
    }

    private func success(_ route: APIRoute) -> JSONValue {
        let content: JSONValue
        switch route.success {
        case .json(let schema): content = .object(["application/json": .object(["schema": ref(schema)])])
        case .html: content = .object(["text/html": .object(["schema": .object(["type": "string"])])])
        case .prometheus: content = .object(["text/plain": .object(["schema": .object(["type": "string"])])])
        }
        return .object([
            "description": .string(route.summary),
            "headers": .object(["X-Request-Id": .object(["schema": .object(["type": "string"])])]),
            "content": content,
        ])
    }

    private func requestBody(_ body: APIRoute.Body) -> JSONValue? {
        let content: JSONValue
        switch body {
        case .none: return nil
        case .record: content = .object(["application/json": .object(["schema": ref("Record")])])
        case .reload: content = .object(["application/json": .object(["schema": ref("ReloadRequest")])])
        case .batch:
            content = .object([
                "application/json": .object(["schema": ref("Batch")]),
                "text/csv": .object(["schema": .object([
                    "type": "string",
                    "description": .string("A header line of field names (any order, optional fields may be left "
                        + "out), then one record per line; an empty cell is missing."),
                ])]),
            ])
        }
        return .object(["required": true, "content": content])
    }
}

/// A `$ref` to a component schema.
func ref(_ schema: String) -> JSONValue { .object(["$ref": .string("#/components/schemas/\(schema)")]) }
