import AccidentML

/// JSON Schema of request records, generated from the core's `InputField`s and `InputKind`s.
extension InputField {
    /// An object of these fields: no other keys, the required ones listed.
    static func objectSchema(_ fields: [InputField], description: String) -> JSONValue {
        .object([
            "type": "object",
            "description": .string(description),
            "additionalProperties": false,
            "required": .array(fields.filter(\.required).map { .string($0.name) }),
            "properties": .object(fields.map { ($0.name, $0.schema) }),
        ])
    }

    /// The field's schema: its kind's, plus `null` (= absent) when the field is optional.
    var schema: JSONValue {
        let description = summary + " (" + kind.allowedDescription + ")"
        guard !required else { return .object([("description", .string(description))] + kind.schemaKeywords) }
        return .object([("description", .string(description + ". Optional: absent or null when unknown.")),
                        ("anyOf", .array([.object(kind.schemaKeywords), .object(["type": "null"])]))])
    }
}

extension InputKind {
    /// What a value of this kind must be, as JSON Schema keywords.
    var schemaKeywords: [(String, JSONValue)] {
        switch self {
        case let .code(allowed, aliases):
            let codes: JSONValue = .object(["type": "integer", "enum": .array(([-1] + allowed).map(JSONValue.integer))])
            guard !aliases.isEmpty else { return codes.pairs }
            let names = aliases.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map { JSONValue.string($0.key) }
            return [("anyOf", .array([codes, .object(["type": "string", "enum": .array(names)])]))]
        case let .integer(range):
            return [("type", "integer"), ("minimum", .integer(range.lowerBound)), ("maximum", .integer(range.upperBound))]
        case let .number(range):
            let bounded = range.lowerBound > -Double.greatestFiniteMagnitude || range.upperBound < .greatestFiniteMagnitude
            return [("type", "number")] + (bounded ? [("minimum", .number(range.lowerBound)), ("maximum", .number(range.upperBound))] : [])
        case .flag:
            return [("anyOf", .array([.object(["type": "boolean"]), .object(["type": "integer", "enum": [0, 1]])]))]
        case .time:
            return [("type", "string"), ("pattern", "^([01]?[0-9]|2[0-3]):[0-5][0-9]$")]
        case let .codeList(allowed):
            return [("type", "array"), ("items", .object(["type": "integer", "enum": .array(([-1] + allowed).map(JSONValue.integer))]))]
        case let .records(fields):
            return [("type", "array"), ("items", InputField.objectSchema(fields, description: "One item."))]
        }
    }
}

extension JSONValue {
    /// The key-value pairs of an object (empty for other values).
    var pairs: [(String, JSONValue)] {
        if case .object(let pairs) = self { return pairs }
        return []
    }
}
