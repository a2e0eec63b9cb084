/// A backend's answer for one record.
public struct Prediction: Sendable, Equatable {
    /// Class probabilities in `ModelInfo.classLabels` order; they sum to 1.
    public var probabilities: [Double]
    /// Per-feature contributions, when they were asked for and the backend supports them.
    public var explanation: Explanation?

    /// Creates a prediction.
    public init(probabilities: [Double], explanation: Explanation? = nil) {
        self.probabilities = probabilities; self.explanation = explanation
    }
}

/// Additive per-feature contributions to a prediction's raw score.
///
/// `baseline + contributions.sum` is the model's raw score for the record (log-odds of the
/// last class for a binary model); the backend documents its unit in `unit`.
public struct Explanation: Sendable, Equatable {
    /// What the numbers are, e.g. "log-odds of class 'grave'".
    public var unit: String
    /// The raw score of a record with no information (the model's bias or average score).
    public var baseline: Double
    /// One contribution per feature, by feature name, in the model's feature order.
    public var contributions: [(feature: String, value: Double)]

    /// Creates an explanation.
    public init(unit: String, baseline: Double, contributions: [(feature: String, value: Double)]) {
        self.unit = unit; self.baseline = baseline; self.contributions = contributions
    }

    public static func == (a: Explanation, b: Explanation) -> Bool {
        a.unit == b.unit && a.baseline == b.baseline
            && a.contributions.map(\.feature) == b.contributions.map(\.feature)
            && a.contributions.map(\.value) == b.contributions.map(\.value)
    }
}
