/// Explanations of one request record's prediction, on the model's encoded columns.
extension AccidentModel {
    /// Whether `contributions(record:)` works for this model: always for a logistic model, for a
    /// forest when its file kept the trees' covers.
    public var supportsContributions: Bool {
        switch classifier {
        case .logistic: return true
        case .gbdt(let m): return m.hasCovers
        }
    }

    /// Exact additive contributions of one record's encoded columns to the model's raw scores:
    /// coefficient × encoded value for a logistic model (baseline = intercept), TreeSHAP values
    /// for a forest (baseline = the expected raw score over the training rows).
    ///
    /// - Throws: `FeatureInputError` naming the field when the record is invalid.
    public func contributions(record: RawRecord) throws -> ScoreContributions {
        precondition(supportsContributions, "this model cannot explain its predictions; check supportsContributions")
        var features = [Float](repeating: 0, count: classifier.classifier.featureCount)
        let scores = try features.withUnsafeMutableBufferPointer { f in
            try input.encode(record: record, for: classifier.family, into: f)
            switch classifier {
            case .logistic(let m): return m.contributions(row: UnsafeBufferPointer(f))
            case .gbdt(let m): return m.contributions(row: UnsafeBufferPointer(f))
            }
        }
        return ScoreContributions(columnNames: input.columnNames(for: classifier.family), scores: scores)
    }
}
