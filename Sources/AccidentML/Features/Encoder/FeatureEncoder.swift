/// Learns what a `FeatureSpec` needs from training rows: category vocabularies, numeric means
/// and standard deviations, which features need a missing indicator.
public struct FeatureEncoder: Sendable {
    /// A category seen fewer times than this in training is treated as unseen.
    public var minimumCategoryCount: Int

    /// Creates an encoder; `minimumCategoryCount` must be at least 1.
    public init(minimumCategoryCount: Int = 10) {
        precondition(minimumCategoryCount >= 1, "minimumCategoryCount must be at least 1")
        self.minimumCategoryCount = minimumCategoryCount
    }

    /// Fits the spec on training rows (fit on the training split only, then transform any split).
    public func fit(_ spec: FeatureSpec, on rows: JoinedRows) -> FittedEncoder {
        precondition(rows.unit == spec.unit, "a \(spec.unit) spec cannot be fitted on \(rows.unit) rows")
        let features = spec.features.map { definition in
            rows.rows.withUnsafeBufferPointer { fit(definition, on: $0) }
        }
        return FittedEncoder(unit: spec.unit, features: features)
    }

    private func fit(_ definition: FeatureDefinition, on rows: UnsafeBufferPointer<FeatureRow>) -> FittedFeature {
        let source = definition.source
        var missing = 0
        switch definition.encoding {
        case .categorical:
            var counts: [Int] = []
            for r in rows.indices {
                let v = source.value(in: rows.baseAddress! + r)
                if v.isNaN { missing += 1; continue }
                let code = Int(v)
                guard code >= 0 else { continue }
                if code >= counts.count { counts += repeatElement(0, count: code + 1 - counts.count) }
                counts[code] += 1
            }
            let kept = counts.indices.filter { counts[$0] >= minimumCategoryCount }.map { Int32($0) }
            return FittedFeature(definition: definition, vocabulary: CategoryVocabulary(codes: kept),
                                 mean: 0, std: 1, hasMissingIndicator: false)
        case .numeric, .cyclic:
            let probe = FittedFeature(definition: definition, vocabulary: nil, mean: 0, std: 1, hasMissingIndicator: false)
            var sum = 0.0, sumOfSquares = 0.0
            for r in rows.indices {
                let v = probe.clipped(source.value(in: rows.baseAddress! + r))
                if v.isNaN { missing += 1; continue }
                sum += Double(v); sumOfSquares += Double(v) * Double(v)
            }
            let n = Double(rows.count - missing)
            let mean = n > 0 ? sum / n : 0
            let variance = n > 0 ? max(sumOfSquares / n - mean * mean, 0) : 0
            let std = Float(variance.squareRoot())
            return FittedFeature(definition: definition, vocabulary: nil, mean: Float(mean),
                                 std: std > 1e-6 && std.isFinite ? std : 1, hasMissingIndicator: missing > 0)
        }
    }
}
