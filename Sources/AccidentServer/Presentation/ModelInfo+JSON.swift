import Foundation

extension LoadedModel {
    /// The model as shown by the health and reload routes (never its file path).
    var json: JSONValue {
        .object([
            "kind": .string(info.kind), "version": .string(info.version),
            "class_labels": .array(info.classLabels.map(JSONValue.string)),
            "prediction_unit": .string(info.predictionUnit),
            "created": .string(info.created),
            "loaded_at": .string(loadedAt.formatted(.iso8601)),
            "explanations": .bool(supportsExplanations),
        ])
    }
}
