/// A fitted `FeatureSpec`: turns joined rows or single request records into model columns.
///
/// A value type (`Codable`, `Equatable`) that goes into the model file: vocabularies, means,
/// standard deviations and clip bounds, nothing derived from the outcome.
public struct FittedEncoder: Sendable, Equatable, Codable {
    /// The unit this encoder reads.
    public let unit: PredictionUnit
    /// The features with what was learnt for each.
    let features: [FittedFeature]
    /// First linear column of each feature, plus the total at the end (derived).
    private let linearOffsets: [Int]

    init(unit: PredictionUnit, features: [FittedFeature]) {
        self.unit = unit
        self.features = features
        var offsets = [0]
        for f in features { offsets.append(offsets.last! + f.columnCount(for: .linear)) }
        linearOffsets = offsets
    }

    /// The spec this encoder was fitted from.
    public var spec: FeatureSpec { FeatureSpec(unit: unit, features: features.map(\.definition)) }

    /// What each target class index means.
    public var classLabels: [String] { unit.classLabels }

    /// Number of columns produced for a model family.
    public func columnCount(for family: ModelFamily) -> Int {
        family == .trees ? features.count : linearOffsets.last!
    }

    /// Column names for a model family (`catv`; or `catv=7`, `catv=unknown`, `age_missing`).
    public func columnNames(for family: ModelFamily) -> [String] {
        features.flatMap { $0.columnNames(for: family) }
    }

    /// First column of feature `i` for a model family.
    @inline(__always)
    func columnOffset(ofFeature i: Int, for family: ModelFamily) -> Int {
        family == .trees ? i : linearOffsets[i]
    }

    /// Class index of every row (see `classLabels`).
    public func targets(_ rows: JoinedRows) -> [Int32] {
        precondition(rows.unit == unit, "a \(unit) encoder cannot read \(rows.unit) rows")
        return rows.rows.map(\.target)
    }

    /// Features and targets of the rows, ready for a model.
    public func labeled(_ rows: JoinedRows, for family: ModelFamily) -> LabeledMatrix<Float> {
        LabeledMatrix(features: transform(rows, for: family), labels: targets(rows), classLabels: classLabels)
    }

    private enum CodingKeys: String, CodingKey { case unit, features }

    /// Decodes an encoder, rejecting inconsistent ones with `DecodingError.dataCorrupted`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let unit = try container.decode(PredictionUnit.self, forKey: .unit)
        let features = try container.decode([FittedFeature].self, forKey: .features)
        let problem = FeatureSpec.problem(unit: unit, features: features.map(\.definition))
            ?? features.lazy.compactMap(\.problem).first
        if let problem {
            throw DecodingError.dataCorruptedError(forKey: .features, in: container, debugDescription: problem)
        }
        self.init(unit: unit, features: features)
    }

    /// Encodes the unit and the fitted features (derived tables are rebuilt on decoding).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(unit, forKey: .unit)
        try container.encode(features, forKey: .features)
    }
}

extension FittedFeature {
    /// Why a decoded feature is inconsistent, or nil.
    var problem: String? {
        let isCategorical = definition.encoding == .categorical
        if isCategorical != (vocabulary != nil) {
            return "feature \"\(definition.name)\": a vocabulary is required exactly for categorical features"
        }
        return std > 0 && std.isFinite && mean.isFinite ? nil : "feature \"\(definition.name)\": invalid mean or std"
    }
}
