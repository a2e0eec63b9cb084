import AccidentML

/// New data prepared for an already trained model: BAAC tables joined and encoded by the
/// model's own encoder, or the model's columns picked by name from a feature CSV.
struct ModelData {
    /// The joined rows (BAAC data), for ids, targets and départements.
    let rows: JoinedRows?
    /// The features in the model's column order.
    let features: FeatureMatrix<Float>
    /// The same rows one column per feature (codes, values), for the report's data summary.
    let readableFeatures: FeatureMatrix<Float>
    /// Ids of a feature CSV's rows: its `Num_Acc` column, when it has one.
    let accidentIDs: [Double]?

    /// Joins and encodes BAAC tables with the model's encoder; `forPrediction` keeps the rows
    /// whose severity is unknown (new accidents), evaluation needs known targets.
    static func baac(_ tables: BAACTables, model: AccidentModel, forPrediction: Bool, threads: Int, log: Log) throws -> ModelData {
        let encoder = try model.baacEncoder()
        let rows = tables.rows(of: encoder.unit, keepingUnknownSeverity: forPrediction)
        log.detail("\(encoder.unit) rows: \(rows.report)")
        var report = TransformReport()
        let family = model.classifier.family
        let x = encoder.transform(rows, for: family, report: &report, threads: threads)
        log.detail("encoded: \(report)")
        let readable = family == .trees ? x : encoder.transform(rows, for: .trees, report: &report, threads: threads)
        return ModelData(rows: rows, features: x, readableFeatures: readable, accidentIDs: nil)
    }

    /// Picks the model's columns, in its order, from a feature CSV's matrix (other columns are
    /// ignored). Read in Double so that a `Num_Acc` column (12 digits) keeps its exact value.
    static func columns(_ x: FeatureMatrix<Double>, model: AccidentModel, file: String) throws -> ModelData {
        guard case .columns(let names) = model.input else {
            throw CLIError.data("the model was trained on BAAC files, not on feature columns. Fix: give BAAC files with --baac FOLDER.")
        }
        let indices = names.map { x.columnIndex(named: $0) }
        let missing = zip(names, indices).filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty else {
            throw CLIError.data("\(file) lacks \(missing.count) of the model's \(names.count) columns: "
                                + missing.prefix(8).joined(separator: ", ") + (missing.count > 8 ? ", …" : "")
                                + ". Fix: give a CSV with the columns the model was trained on (see `train inspect`).")
        }
        var storage = [Float](repeating: 0, count: x.rowCount * names.count)
        x.storage.withUnsafeBufferPointer { src in
            storage.withUnsafeMutableBufferPointer { dst in
                for (c, source) in indices.enumerated() {
                    let from = source! * x.rowCount
                    for r in 0..<x.rowCount { dst[c * x.rowCount + r] = Float(src[from + r]) }
                }
            }
        }
        let ids = x.columnIndex(named: "Num_Acc").map { c in (0..<x.rowCount).map { x[row: $0, column: c] } }
        let features = FeatureMatrix(rowCount: x.rowCount, columnNames: names, storage: storage)
        return ModelData(rows: nil, features: features, readableFeatures: features, accidentIDs: ids)
    }

    /// The labels of a feature CSV as the model's class indices; a label the model does not
    /// know is a data error.
    static func labels(_ labels: [Int32], classLabels: [String], model: AccidentModel, file: String) throws -> [Int32] {
        let mapping = try classLabels.map { label -> Int32 in
            guard let k = model.classLabels.firstIndex(of: label) else {
                throw CLIError.data("\(file): label \"\(label)\" is not a class of the model (\(model.classLabels.joined(separator: ", "))). "
                                    + "Fix: give labels coded as in training.")
            }
            return Int32(k)
        }
        return labels.map { mapping[Int($0)] }
    }
}
