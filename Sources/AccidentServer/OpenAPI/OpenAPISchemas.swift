/// The component schemas of the OpenAPI document; `Record` is generated from the model's fields.
enum OpenAPISchemas {
    static func all(model: LoadedModel?, maxBatchSize: Int) -> [(String, JSONValue)] {
        let labels = model.map { JSONValue.array($0.info.classLabels.map(JSONValue.string)) }
        let probabilities: JSONValue = .object([
            "type": "object", "description": "Probability of each class label; they sum to 1.",
            "additionalProperties": .object(["type": "number", "minimum": 0, "maximum": 1]),
        ])
        let prediction: [(String, JSONValue)] = [
            ("predicted_class", .object(["type": "string", "enum": labels, "description": "The most probable class."])),
            ("probabilities", probabilities),
            ("explanation", .object([
                "type": "object", "description": "Only with explain=true: additive contributions to the raw score.",
                "properties": .object([
                    "unit": .object(["type": "string"]), "baseline": .object(["type": "number"]),
                    "contributions": .object(["type": "object", "additionalProperties": .object(["type": "number"])]),
                ]),
            ])),
        ]
        return [
            ("Record", record(model)),
            ("Batch", .object(["type": "array", "items": ref("Record"), "maxItems": .integer(maxBatchSize)])),
            ("Prediction", object(prediction + [("model_version", .object(["type": "string"]))],
                                  required: ["predicted_class", "probabilities", "model_version"])),
            ("BatchPrediction", object([
                ("model_version", .object(["type": "string"])), ("count", .object(["type": "integer"])),
                ("predictions", .object(["type": "array", "items": object(prediction, required: ["predicted_class", "probabilities"])])),
            ], required: ["model_version", "count", "predictions"])),
            ("Model", object([
                ("kind", string), ("version", string), ("checksum", string),
                ("class_labels", .object(["type": "array", "items": string])), ("prediction_unit", string),
                ("created", .object(["type": "string", "format": "date-time"])),
                ("loaded_at", .object(["type": "string", "format": "date-time"])),
                ("explanations", .object(["type": "boolean", "description": "Whether explain=true is supported."])),
            ], required: ["kind", "version", "checksum", "class_labels", "prediction_unit", "created", "loaded_at", "explanations"])),
            ("Health", object([
                ("status", .object(["type": "string", "enum": ["ok", "no_model"]])),
                ("model_loaded", .object(["type": "boolean"])), ("model", ref("Model")),
                ("uptime_seconds", .object(["type": "number"])),
            ], required: ["status", "model_loaded", "uptime_seconds"])),
            ("ReloadRequest", object([("path", .object(["type": "string", "description": "Model file on the server."]))],
                                     required: ["path"])),
            ("ReloadResult", object([
                ("status", .object(["type": "string", "enum": ["reloaded"]])), ("model", ref("Model")),
                ("previous_version", .object(["type": "string", "description": "Absent when no model was loaded before."])),
            ], required: ["status", "model"])),
            ("Error", object([("error", object([
                ("code", .object(["type": "string", "description": "Stable machine-readable code, e.g. invalid_field."])),
                ("message", .object(["type": "string", "description": "What went wrong and how to fix it."])),
                ("field", .object(["type": "string", "description": "Field path, e.g. catu or [3].catu."])),
                ("request_id", string),
            ], required: ["code", "message", "request_id"]))], required: ["error"])),
            ("OpenAPIDocument", .object(["type": "object", "description": "An OpenAPI 3.1 document."])),
        ]
    }

    private static let string: JSONValue = .object(["type": "string"])

    private static func object(_ properties: [(String, JSONValue)], required: [String]) -> JSONValue {
        .object([
            "type": "object",
            "properties": .object(properties),
            "required": .array(required.map(JSONValue.string)),
        ])
    }

    /// The record schema: one property per input field, with its type, allowed values and
    /// whether it is required; optional fields also accept `null` and, for integers, -1.
    static func record(_ model: LoadedModel?) -> JSONValue {
        guard let model else {
            return .object(["type": "object",
                            "description": "No model is loaded; the fields are those of the next model loaded."])
        }
        let fields = model.schema.fields
        return .object([
            "type": "object",
            "description": .string("One \(model.info.predictionUnit), with BAAC field names and codes."),
            "additionalProperties": false,
            "required": .array(fields.filter(\.isRequired).map { .string($0.name) }),
            "properties": .object(fields.map { ($0.name, property($0)) }),
        ])
    }

    private static func property(_ field: InputField) -> JSONValue {
        var base: [(String, JSONValue)] = [("type", .string(field.type.rawValue))]
        switch field.allowed {
        case .any: break
        case .codes(let codes): base.append(("enum", .array(codes.map(JSONValue.integer))))
        case .range(let range): base += [("minimum", .number(range.lowerBound)), ("maximum", .number(range.upperBound))]
        }
        let description = field.summary + " (\(field.allowedDescription))"
        guard !field.isRequired else { return .object(base + [("description", .string(description))]) }
        var alternatives: [JSONValue] = [.object(base), .object(["type": "null"])]
        if field.type == .integer && !field.allows(-1) { alternatives.append(.object(["const": -1])) }
        return .object([("description", .string(description + " Optional: null or -1 mean missing.")),
                        ("anyOf", .array(alternatives))])
    }
}
