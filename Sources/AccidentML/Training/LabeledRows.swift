/// Labelled rows before any split: joined BAAC rows (encoded per split, the encoder fitted on
/// the training rows only) or a numeric matrix used as it is.
public enum LabeledRows: Sendable {
    /// Joined rows of one prediction unit.
    case baac(JoinedRows)
    /// Named numeric columns with their labels.
    case columns(LabeledMatrix<Float>)

    /// Class index of every row.
    public var labels: [Int32] {
        switch self {
        case .baac(let rows): rows.rows.map(\.target)
        case .columns(let m): m.labels
        }
    }

    /// What each class index means.
    public var classLabels: [String] {
        switch self {
        case .baac(let rows): rows.unit.classLabels
        case .columns(let m): m.classLabels
        }
    }

    /// Département of each row (BAAC data), for the report's map; empty for feature CSVs.
    public var departements: [Int16] {
        switch self {
        case .baac(let rows): rows.rows.map(\.accident.departement)
        case .columns: []
        }
    }

    /// Number of rows.
    public var count: Int {
        switch self {
        case .baac(let rows): rows.count
        case .columns(let m): m.features.rowCount
        }
    }

    /// Encodes rows `train` (fitting the BAAC encoder, on the unit's default feature spec, on
    /// them alone) and rows `heldOut` for `family`; `encoded` hears each non-empty part's report.
    public func encode(train: [Int], heldOut: [Int], for family: ModelFamily, threads: Int,
                       encoded: (_ part: String, _ report: TransformReport) -> Void = { _, _ in }) -> EncodedSplit {
        switch self {
        case .baac(let rows):
            return Self.encode(rows.selecting(train), heldOut: rows.selecting(heldOut), unit: rows.unit, for: family,
                               threads: threads, encoded: encoded)
        case .columns(let m):
            return Self.encode(m.selecting(rows: train), heldOut: m.selecting(rows: heldOut))
        }
    }

    /// Encodes every row of these rows for training and every row of `validation` as held out
    /// (the BAAC encoder fitted on the training rows alone). Both must be of one kind: BAAC rows
    /// of one unit, or matrices with the same columns and classes.
    public func encode(validatingOn validation: LabeledRows, for family: ModelFamily, threads: Int,
                       encoded: (_ part: String, _ report: TransformReport) -> Void = { _, _ in }) throws(TrainingError)
        -> EncodedSplit {
        switch (self, validation) {
        case let (.baac(rows), .baac(other)):
            guard rows.unit == other.unit else {
                throw .validationLayout(detail: "the training rows are \(rows.unit) rows, the validation rows \(other.unit) rows")
            }
            return Self.encode(rows, heldOut: other, unit: rows.unit, for: family, threads: threads, encoded: encoded)
        case let (.columns(m), .columns(other)):
            let names = m.features.columnNames, otherNames = other.features.columnNames
            if let column = Self.firstDifference(names, otherNames) {
                throw .validationLayout(detail: "column \(column + 1) is \(Self.columnName(names, column)) in the training rows and "
                                        + "\(Self.columnName(otherNames, column)) in the validation rows")
            }
            guard m.classLabels == other.classLabels else {
                throw .validationLayout(detail: "the training classes are \(m.classLabels.joined(separator: ", ")), the validation "
                                        + "classes \(other.classLabels.joined(separator: ", "))")
            }
            return Self.encode(m, heldOut: other)
        default:
            throw .validationLayout(detail: "the training rows and the validation rows are not of one kind (BAAC rows, feature matrix)")
        }
    }

    /// The first index where two column lists differ (a missing column counts), nil when equal.
    public static func firstDifference(_ a: [String], _ b: [String]) -> Int? {
        zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? (a.count == b.count ? nil : min(a.count, b.count))
    }

    /// `"name"`, or `no column` past the end.
    private static func columnName(_ names: [String], _ i: Int) -> String { i < names.count ? "\"\(names[i])\"" : "no column" }

    private static func encode(_ trainMatrix: LabeledMatrix<Float>, heldOut: LabeledMatrix<Float>) -> EncodedSplit {
        EncodedSplit(input: .columns(trainMatrix.features.columnNames), train: trainMatrix, heldOut: heldOut,
                     readableTrainFeatures: trainMatrix.features)
    }

    private static func encode(_ trainRows: JoinedRows, heldOut heldOutRows: JoinedRows, unit: PredictionUnit,
                               for family: ModelFamily, threads: Int,
                               encoded: (_ part: String, _ report: TransformReport) -> Void) -> EncodedSplit {
        let encoder = FeatureEncoder().fit(.default(for: unit), on: trainRows)
        func labeled(_ part: JoinedRows, _ name: String) -> LabeledMatrix<Float> {
            var report = TransformReport()
            let x = encoder.transform(part, for: family, report: &report, threads: threads)
            if part.count > 0 { encoded(name, report) }
            return LabeledMatrix(features: x, labels: encoder.targets(part), classLabels: encoder.classLabels)
        }
        let trainMatrix = labeled(trainRows, "training rows")
        // The report summarises features as people know them: codes and values, not one-hot columns.
        var ignored = TransformReport()
        let readable = family == .trees ? trainMatrix.features
            : encoder.transform(trainRows, for: .trees, report: &ignored, threads: threads)
        return EncodedSplit(input: .baac(encoder), train: trainMatrix, heldOut: labeled(heldOutRows, "held-out rows"),
                            readableTrainFeatures: readable)
    }
}

/// One split encoded for a model family, with the input description the model file needs.
public struct EncodedSplit: Sendable {
    /// How the model reads new data (the fitted encoder, or the column names).
    public let input: ModelInput
    /// Rows the model trains on.
    public let train: LabeledMatrix<Float>
    /// Rows held out (validation or a fold); may be empty.
    public let heldOut: LabeledMatrix<Float>
    /// The training rows' features one column per feature (codes, values), for the report's data summary.
    public let readableTrainFeatures: FeatureMatrix<Float>
}
