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
            let trainRows = rows.selecting(train), heldOutRows = rows.selecting(heldOut)
            let encoder = FeatureEncoder().fit(.default(for: rows.unit), on: trainRows)
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
        case .columns(let m):
            let trainMatrix = m.selecting(rows: train)
            return EncodedSplit(input: .columns(m.features.columnNames), train: trainMatrix,
                                heldOut: m.selecting(rows: heldOut), readableTrainFeatures: trainMatrix.features)
        }
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
