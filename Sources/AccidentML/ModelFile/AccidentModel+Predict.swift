/// Predictions from raw BAAC data: tables (batch) or one request record.
extension AccidentModel {
    /// Joins the tables into this model's prediction unit, encodes and predicts every row.
    ///
    /// Returns the joined rows (for ids and targets) and row-major probabilities.
    public func predict(_ tables: BAACTables, threads: Int = 1) -> (rows: JoinedRows, probabilities: [Float]) {
        let rows = encoder.unit == .person ? tables.personRows() : tables.accidentRows()
        return (rows, predict(rows, threads: threads))
    }

    /// Encodes and predicts joined rows of this model's unit; row-major probabilities.
    public func predict(_ rows: JoinedRows, threads: Int = 1) -> [Float] {
        precondition(rows.unit == encoder.unit, "rows are \(rows.unit) rows, the model predicts \(encoder.unit)")
        let x = encoder.transform(rows, for: classifier.family)
        return classifier.classifier.predictProbabilities(x, threads: threads)
    }

    /// Predicts one request record (BAAC field names and codes).
    ///
    /// Throws `FeatureInputError` naming the field when the record is invalid.
    public func predict(record: RawRecord) throws -> SeverityPrediction {
        let model = classifier.classifier
        var features = [Float](repeating: 0, count: model.featureCount)
        var probabilities = [Float](repeating: 0, count: model.classCount)
        try features.withUnsafeMutableBufferPointer { f in
            try encoder.encode(record: record, for: classifier.family, into: f)
            probabilities.withUnsafeMutableBufferPointer { p in
                model.predictProbabilities(row: UnsafeBufferPointer(f), into: p)
            }
        }
        let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
        return SeverityPrediction(classIndex: best, classLabel: classLabels[best], probabilities: probabilities)
    }
}
