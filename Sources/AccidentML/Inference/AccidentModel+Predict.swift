/// Predictions: from BAAC tables, from a feature matrix, or from one request record.
extension AccidentModel {
    /// The fitted BAAC encoder, or an error saying the model takes named feature columns.
    public func baacEncoder() throws -> FittedEncoder {
        guard case .baac(let encoder) = input else {
            throw AccidentModelError.inputMismatch(
                "this model was trained on feature columns (\(input.columnNames(for: classifier.family).prefix(5).joined(separator: ", "))…), not on BAAC files: give it a feature CSV")
        }
        return encoder
    }

    /// Joins the tables into this model's prediction unit, encodes and predicts every row,
    /// including rows whose severity is not known yet (their target is -1).
    ///
    /// Returns the joined rows (for ids and targets) and row-major probabilities.
    public func predict(_ tables: BAACTables, threads: Int = 1) throws -> (rows: JoinedRows, probabilities: [Float]) {
        let encoder = try baacEncoder()
        let rows = tables.rows(of: encoder.unit, keepingUnknownSeverity: true)
        let x = encoder.transform(rows, for: classifier.family)
        return (rows, classifier.classifier.predictProbabilities(x, threads: threads))
    }

    /// Predicts an already encoded matrix (columns in `input.columnNames`); row-major probabilities.
    public func predict(_ x: FeatureMatrix<Float>, threads: Int = 1) throws -> [Float] {
        let expected = input.columnNames(for: classifier.family)
        guard x.columnNames == expected else {
            let missing = expected.filter { !x.columnNames.contains($0) }
            throw AccidentModelError.inputMismatch(
                "the data has \(x.columnCount) columns, the model expects \(expected.count) in its order"
                + (missing.isEmpty ? " (same names, other order)" : "; missing: " + missing.prefix(8).joined(separator: ", ")))
        }
        return classifier.classifier.predictProbabilities(x, threads: threads)
    }

    /// Predicts one request record (BAAC field names and codes, or the model's column names).
    ///
    /// Throws `FeatureInputError` naming the field when the record is invalid.
    public func predict(record: RawRecord) throws -> SeverityPrediction {
        let model = classifier.classifier
        var features = [Float](repeating: 0, count: model.featureCount)
        var probabilities = [Float](repeating: 0, count: model.classCount)
        try features.withUnsafeMutableBufferPointer { f in
            try input.encode(record: record, for: classifier.family, into: f)
            probabilities.withUnsafeMutableBufferPointer { p in
                model.predictProbabilities(row: UnsafeBufferPointer(f), into: p)
            }
        }
        let best = ClassChoice.mostProbable(probabilities)
        return SeverityPrediction(classIndex: best, classLabel: classLabels[best], probabilities: probabilities)
    }
}

/// Why a model cannot be applied to the data it was given.
public enum AccidentModelError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The data is not of the kind the model was trained on.
    case inputMismatch(String)

    /// What went wrong, where, and how to fix it.
    public var description: String {
        switch self {
        case .inputMismatch(let why): return "model input mismatch: \(why)"
        }
    }
}

extension AccidentModelError: AccidentMLError {
    /// Always data that does not fit the model.
    public var category: ErrorCategory { .data }
}
