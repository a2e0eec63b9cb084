import AccidentML

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
            ("explanation", ref("Explanation")),
        ]
        return [
            ("Record", record(model)),
            ("Explanation", object([
                ("method", .object(["type": "string", "enum": ["linear", "tree_shap"],
                                    "description": "linear: coefficient × encoded value; tree_shap: path-dependent TreeSHAP."])),
                ("unit", .object(["type": "string", "enum": ["log-odds", "softmax logit"]])),
                ("scores", .object([
                    "type": "array",
                    "description": "One for a binary model (its positive class), one per class otherwise.",
                    "items": object([
                        ("class", string),
                        ("baseline", .object(["type": "number", "description": "Intercept, or expected raw score over the training rows."])),
                        ("score", .object(["type": "number", "description": "baseline + the sum of the contributions: the raw score."])),
                        ("contributions", .object(["type": "object", "additionalProperties": .object(["type": "number"]),
                                                   "description": "By encoded column; a linear model lists its non-zero columns."])),
                    ], required: ["class", "baseline", "score", "contributions"]),
                ])),
            ], required: ["method", "unit", "scores"])),
            ("Batch", .object(["type": "array", "items": ref("Record"), "maxItems": .integer(maxBatchSize)])),
            ("Prediction", object(prediction + [("model_version", .object(["type": "string"]))],
                                  required: ["predicted_class", "probabilities", "model_version"])),
            ("BatchPrediction", object([
                ("model_version", .object(["type": "string"])), ("count", .object(["type": "integer"])),
                ("predictions", .object(["type": "array", "items": object(prediction, required: ["predicted_class", "probabilities"])])),
            ], required: ["model_version", "count", "predictions"])),
            ("Model", object([
                ("kind", string), ("version", .object(["type": "string", "description": "CRC-32 of the model file (hex)."])),
                ("checksum", .object(["type": "string", "description": "CRC-32 of the model file (hex), as the registry records it."])),
                ("registry", .object([
                    "type": ["object", "null"], "description": "The registry version served, null for a model loaded from a file.",
                    "properties": .object([
                        "reference": string, "name": string,
                        "version": .object(["type": "string", "description": "The registry's version number."]),
                        "alias": .object(["type": "string", "description": "The alias it was loaded through, if any."]),
                        "run_id": string,
                    ]),
                ])),
                ("class_labels", .object(["type": "array", "items": string])), ("prediction_unit", string),
                ("created", .object(["type": "string", "description": "When the model was trained (ISO 8601)."])),
                ("loaded_at", .object(["type": "string", "format": "date-time"])),
                ("explanations", .object(["type": "boolean", "description": "Whether explain=true is supported."])),
            ], required: ["kind", "version", "class_labels", "prediction_unit", "created", "loaded_at", "explanations"])),
            ("Health", object([
                ("status", .object(["type": "string", "enum": ["ok", "no_model"]])),
                ("model_loaded", .object(["type": "boolean"])), ("model", ref("Model")),
                ("uptime_seconds", .object(["type": "number"])),
            ], required: ["status", "model_loaded", "uptime_seconds"])),
            ("ReloadRequest", object([
                ("model", .object(["type": "string", "description": "models:/NAME@ALIAS, models:/NAME/VERSION, or a model file path."])),
                ("path", .object(["type": "string", "description": "A model file below the model folder (MODEL_DIR)."])),
            ], required: [])),
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

    /// The record schema, generated from the core's input fields (see `InputField+Schema`).
    static func record(_ model: LoadedModel?) -> JSONValue {
        guard let model else {
            return .object(["type": "object",
                            "description": "No model is loaded; the fields are those of the next model loaded."])
        }
        return InputField.objectSchema(model.fields, description: "One \(model.info.predictionUnit), with BAAC field names and codes.")
    }
}
