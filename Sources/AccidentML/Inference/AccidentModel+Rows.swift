/// Predicting request rows already decoded into feature values (`ColumnRows`).
extension AccidentModel {
    /// Row-major probabilities of decoded request rows (columns in `input`'s order): those
    /// `predict(record:)` gives each row, bit for bit.
    ///
    /// A forest predicts 8 rows or more through its batch path, which adds the same leaves in
    /// the same order as its single-row path; fewer rows, and every row of a linear model (whose
    /// BLAS batch product sums in another order), go one by one through the single-row path.
    public func predictExactly(_ rows: ColumnRows) throws -> [Float] {
        if classifier.family == .trees && rows.rowCount >= 8 { return try predict(rows.matrix) }
        let model = classifier.classifier, f = rows.names.count, k = model.classCount
        precondition(f == model.featureCount, "\(f) decoded columns for a model of \(model.featureCount) features")
        var probabilities = [Float](repeating: 0, count: rows.rowCount * k)
        rows.values.withUnsafeBufferPointer { x in
            probabilities.withUnsafeMutableBufferPointer { p in
                for r in 0..<rows.rowCount {
                    model.predictProbabilities(row: UnsafeBufferPointer(rebasing: x[(r * f)..<((r + 1) * f)]),
                                               into: UnsafeMutableBufferPointer(rebasing: p[(r * k)..<((r + 1) * k)]))
                }
            }
        }
        return probabilities
    }
}
