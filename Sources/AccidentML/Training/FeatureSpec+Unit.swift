extension FeatureSpec {
    /// The default spec of a prediction unit: what a training job encodes BAAC rows with.
    public static func `default`(for unit: PredictionUnit) -> FeatureSpec {
        switch unit {
        case .person: .defaultPerson
        case .accident: .defaultAccident
        }
    }
}
