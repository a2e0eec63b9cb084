/// A backend's answer for one record.
public struct Prediction: Sendable, Equatable {
    /// Class probabilities in `ModelInfo.classLabels` order; they sum to 1.
    public var probabilities: [Double]
    /// Per-column contributions, when they were asked for and the model supports them.
    public var explanation: Explanation?

    /// Creates a prediction.
    public init(probabilities: [Double], explanation: Explanation? = nil) {
        self.probabilities = probabilities; self.explanation = explanation
    }
}

/// Additive per-column contributions to a prediction's raw scores.
///
/// For each score, `baseline + Σ values` is the model's raw score: the log-odds of the positive
/// class for a binary model, the softmax input (logit) of every class otherwise.
public struct Explanation: Sendable, Equatable {
    /// One explained raw score.
    public struct Score: Sendable, Equatable {
        /// The class whose raw score this is.
        public var classIndex: Int
        /// The raw score of a record with no information: the intercept (linear), or the
        /// expected raw score over the training rows (trees).
        public var baseline: Double
        /// The encoded columns that contribute, in model order.
        public var columns: [String]
        /// Their contributions, in `columns` order.
        public var values: [Double]

        /// Creates an explained score.
        public init(classIndex: Int, baseline: Double, columns: [String], values: [Double]) {
            precondition(columns.count == values.count, "one value per column")
            self.classIndex = classIndex; self.baseline = baseline; self.columns = columns; self.values = values
        }

        /// `baseline + Σ values`.
        public var total: Double { values.reduce(baseline, +) }
    }

    /// How the contributions were computed: `linear` (coefficient × encoded value) or
    /// `tree_shap` (path-dependent TreeSHAP).
    public var method: String
    /// What a score is, e.g. `log-odds` or `softmax logit`.
    public var unit: String
    /// One entry for a binary model (the positive class), one per class otherwise.
    public var scores: [Score]

    /// Creates an explanation.
    public init(method: String, unit: String, scores: [Score]) {
        self.method = method; self.unit = unit; self.scores = scores
    }
}
