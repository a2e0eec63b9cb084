/// What a feature importance counts.
public enum FeatureImportanceKind: String, Sendable, CaseIterable {
    /// Total gain of the splits on the feature.
    case gain
    /// Number of splits on the feature.
    case splitCount
}

extension GBDTModel {
    /// Importance of each feature, in feature order (LightGBM's `feature_importance`).
    public func featureImportance(_ kind: FeatureImportanceKind) -> [Double] {
        var importance = [Double](repeating: 0, count: featureCount)
        for tree in trees {
            for (i, f) in tree.splitFeature.enumerated() {
                importance[Int(f)] += kind == .gain ? tree.splitGain[i] : 1
            }
        }
        return importance
    }
}
