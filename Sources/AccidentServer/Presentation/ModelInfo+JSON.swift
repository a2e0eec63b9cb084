import Foundation

extension LoadedModel {
    /// The model as shown by the health and reload routes (never its file path): its checksum
    /// (the file's CRC-32, also `version`) and, for a registry model, its name, version and alias.
    var json: JSONValue {
        .object([
            "kind": .string(info.kind), "version": .string(info.version), "checksum": .string(info.version),
            "registry": registry.map { r in
                .object([
                    "reference": .string(r.reference.description), "name": .string(r.name), "version": .string(r.version),
                    "alias": .string(r.alias), "run_id": .string(r.runID),
                ])
            } ?? .null,
            "class_labels": .array(info.classLabels.map(JSONValue.string)),
            "prediction_unit": .string(info.predictionUnit),
            "created": .string(info.created),
            "loaded_at": .string(loadedAt.formatted(.iso8601)),
            "explanations": .bool(supportsExplanations),
        ])
    }
}
