import RealModule

/// One feature with what was learnt at fit time, and the scalar encoding every path shares.
struct FittedFeature: Sendable, Equatable, Codable {
    /// The feature as specified.
    let definition: FeatureDefinition
    /// Kept codes (categorical features only).
    let vocabulary: CategoryVocabulary?
    /// Mean and standard deviation of the clipped training values (numeric features only).
    let mean: Float
    let std: Float
    /// Whether linear models get a `name_missing` column (numeric and cyclic features that
    /// had missing values at fit time).
    let hasMissingIndicator: Bool

    /// What happened to one value.
    enum Status { case present, missing, unseen }

    /// Column names for a model family, in order.
    func columnNames(for family: ModelFamily) -> [String] {
        let name = definition.name
        guard family == .linear else { return [name] }
        let indicator = hasMissingIndicator ? ["\(name)_missing"] : []
        switch definition.encoding {
        case .categorical: return (vocabulary?.codes ?? []).map { "\(name)=\($0)" } + ["\(name)=unknown"]
        case .numeric: return [name] + indicator
        case .cyclic: return ["\(name)_sin", "\(name)_cos"] + indicator
        }
    }

    /// Number of columns for a model family.
    func columnCount(for family: ModelFamily) -> Int {
        guard family == .linear else { return 1 }
        switch definition.encoding {
        case .categorical: return (vocabulary?.count ?? 0) + 1
        case .numeric: return 1 + (hasMissingIndicator ? 1 : 0)
        case .cyclic: return 2 + (hasMissingIndicator ? 1 : 0)
        }
    }

    /// The value clipped to the feature's bounds (NaN stays NaN).
    @inline(__always)
    func clipped(_ v: Float) -> Float {
        guard case let .numeric(clip?) = definition.encoding, !v.isNaN else { return v }
        return Swift.min(Swift.max(v, clip.lowerBound), clip.upperBound)
    }

    /// Writes the feature's columns for one raw value: column `j` goes to `out[j * stride]`.
    ///
    /// Linear encoding writes only non-zero values: `out` must be zero in this feature's
    /// columns (a fresh matrix, or a row buffer the caller cleared).
    @inline(__always)
    func encode(_ v: Float, for family: ModelFamily, into out: UnsafeMutablePointer<Float>, stride: Int) -> Status {
        switch (definition.encoding, family) {
        case (.categorical, _):
            let k = vocabulary?.count ?? 0
            let index = v.isNaN ? -1 : (vocabulary?.index(of: v) ?? -1)
            if family == .trees { out[0] = index < 0 ? .nan : Float(index) } else { out[(index < 0 ? k : index) * stride] = 1 }
            return v.isNaN ? .missing : (index < 0 ? .unseen : .present)
        case (.numeric, .trees), (.cyclic, .trees):
            out[0] = clipped(v)
        case (.numeric, .linear):
            if v.isNaN {
                if hasMissingIndicator { out[stride] = 1 }
            } else {
                out[0] = (clipped(v) - mean) / std
            }
        case let (.cyclic(period), .linear):
            if v.isNaN {
                if hasMissingIndicator { out[2 * stride] = 1 }
            } else {
                let angle = 2 * Float.pi * v / period
                out[0] = .sin(angle)
                out[stride] = .cos(angle)
            }
        }
        return v.isNaN ? .missing : .present
    }
}
