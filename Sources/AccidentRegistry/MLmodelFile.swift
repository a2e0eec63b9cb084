import AccidentML
import Foundation

/// The `MLmodel` file logged beside `model.aml`: MLflow's description of a model folder, with a
/// flavor of AccidentML's own (`accidentml`) and the input signature taken from the model's
/// fields, so that MLflow's UI shows what the model takes and gives.
public enum MLmodelFile {
    /// The flavor's name.
    public static let flavor = "accidentml"

    /// The file's YAML text for `model` logged in run `runID`.
    public static func text(for model: AccidentModel, runID: String, createdAt: Date = Date()) -> String {
        let time = ISO8601DateFormatter.string(from: createdAt, timeZone: TimeZone(identifier: "UTC")!,
                                               formatOptions: [.withFullDate, .withTime, .withColonSeparatorInTime,
                                                               .withSpaceBetweenDateAndTime])
        return """
            artifact_path: ''
            flavors:
              \(flavor):
                model_file: \(ModelResolver.modelFileName)
                kind: \(quoted(model.metadata.kind.rawValue))
                unit: \(quoted(model.metadata.unit.rawValue))
                classes: [\(model.classLabels.map(quoted).joined(separator: ", "))]
                checksum: \(quoted(model.fileChecksum ?? ""))
                accidentml_version: \(quoted(model.metadata.libraryVersion))
                loader: 'AccidentModel.load(from:) (Swift); train predict --model models:/NAME@ALIAS'
            model_uuid: \(quoted(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")))
            run_id: \(quoted(runID))
            signature:
              inputs: \(quoted(json(model.input.inputFields.map(columnSpec))))
              outputs: \(quoted(json(outputs(model))))
              params: null
            utc_time_created: \(quoted(time))

            """
    }

    /// MLflow's column spec of one request field.
    static func columnSpec(_ field: InputField) -> [String: Any] {
        var spec = type(of: field.kind)
        spec["name"] = field.name
        spec["required"] = field.required
        return spec
    }

    /// MLflow's type of a field kind: BAAC codes and whole numbers are `long`, lists are arrays.
    static func type(of kind: InputKind) -> [String: Any] {
        switch kind {
        case .code, .integer: return ["type": "long"]
        case .number: return ["type": "double"]
        case .flag: return ["type": "boolean"]
        case .time: return ["type": "string"]
        case .codeList: return ["type": "array", "items": ["type": "long"]]
        case .records(let fields):
            var properties: [String: Any] = [:]
            for f in fields {
                var p = type(of: f.kind)
                p["required"] = f.required
                properties[f.name] = p
            }
            return ["type": "array", "items": ["type": "object", "properties": properties]]
        }
    }

    /// The predicted class and one probability per class.
    static func outputs(_ model: AccidentModel) -> [[String: Any]] {
        [["type": "string", "name": "class", "required": true]]
            + model.classLabels.map { ["type": "double", "name": "p_\($0)", "required": true] }
    }

    static func json(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) else {
            preconditionFailure("column specs are plain JSON values")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A YAML single-quoted scalar.
    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
