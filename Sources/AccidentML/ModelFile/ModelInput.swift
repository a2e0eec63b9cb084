import Foundation

/// What a model takes as input: raw BAAC fields through a fitted encoder, or named numeric
/// columns (models trained on a generic feature CSV such as the preprocessed baac2021 set).
public enum ModelInput: Sendable, Equatable {
    /// Raw BAAC fields, encoded by the fitted encoder.
    case baac(FittedEncoder)
    /// Numeric columns given by name, used as they are (NaN or null = missing).
    case columns([String])

    /// Number of feature columns the classifier sees for a model family.
    public func columnCount(for family: ModelFamily) -> Int {
        switch self {
        case .baac(let e): return e.columnCount(for: family)
        case .columns(let names): return names.count
        }
    }

    /// Feature column names the classifier sees for a model family.
    public func columnNames(for family: ModelFamily) -> [String] {
        switch self {
        case .baac(let e): return e.columnNames(for: family)
        case .columns(let names): return names
        }
    }

    /// The request fields a single prediction accepts (the server's JSON schema).
    public var inputFields: [InputField] {
        switch self {
        case .baac(let e): return e.inputFields
        case .columns(let names):
            return names.map { InputField(name: $0, kind: .number(-Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude),
                                          required: true, summary: "feature column \($0)") }
        }
    }

    /// What a `.columns` record must give for each column (named by "missing field" errors).
    static let columnExpectation = "a number (null when missing)"

    /// Encodes one request record into `out` (count `columnCount(for:)`).
    ///
    /// For `.columns` models, `ColumnRows` is the fast batch version of this (same validation).
    /// - Throws: `FeatureInputError` naming the field.
    public func encode(record: RawRecord, for family: ModelFamily, into out: UnsafeMutableBufferPointer<Float>) throws {
        switch self {
        case .baac(let e):
            try e.encode(record: record, for: family, into: out)
        case .columns(let names):
            precondition(out.count == names.count, "output holds \(out.count) values, expected \(names.count)")
            if let unknown = record.fields.keys.sorted().first(where: { !names.contains($0) }) {
                throw FeatureInputError.unknownField(path: unknown, known: names)
            }
            for (i, name) in names.enumerated() {
                switch record[name] {
                case nil: throw FeatureInputError.missingField(path: name, expected: Self.columnExpectation)
                case .null?: out[i] = .nan
                case .integer(let v)?: out[i] = Float(v)
                case .number(let v)?: out[i] = Float(v)
                case let other?: throw FeatureInputError.wrongType(path: name, found: other.typeName, expected: "a number")
                }
            }
        }
    }
}

extension ModelInput: Codable {
    private enum CodingKeys: String, CodingKey { case kind, encoder, columns }

    /// Decodes the input description from the model file's JSON section.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "baac": self = .baac(try c.decode(FittedEncoder.self, forKey: .encoder))
        case "columns": self = .columns(try c.decode([String].self, forKey: .columns))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown input kind '\(other)' (expected baac or columns)")
        }
    }

    /// Encodes the input description for the model file's JSON section.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .baac(let e): try c.encode("baac", forKey: .kind); try c.encode(e, forKey: .encoder)
        case .columns(let names): try c.encode("columns", forKey: .kind); try c.encode(names, forKey: .columns)
        }
    }
}
