/// Additive per-column contributions to a model's raw scores for one row: for every raw score,
/// `baseline + Σ values` is the score the model computes (log-odds of the positive class for a
/// binary model, the softmax input of each class otherwise).
public struct ScoreContributions: Sendable, Equatable {
    /// One raw score explained.
    public struct Score: Sendable, Equatable {
        /// The class whose raw score this is (1 for a binary model, the positive class).
        public let classIndex: Int
        /// The score with no information about the row: the intercept of a linear model, the
        /// expected raw score over the training rows of a forest.
        public let baseline: Double
        /// One contribution per column, in `columnNames` order.
        public let values: [Double]

        /// Creates a score's contributions.
        public init(classIndex: Int, baseline: Double, values: [Double]) {
            self.classIndex = classIndex
            self.baseline = baseline
            self.values = values
        }

        /// `baseline + Σ values`: the raw score.
        public var total: Double { values.reduce(baseline, +) }
    }

    /// The columns the contributions are on: the model's encoded columns (one-hot columns such
    /// as `catv=7` for a linear model, one column per feature for a forest).
    public let columnNames: [String]
    /// One entry per raw score: one for a binary model, one per class otherwise.
    public let scores: [Score]

    /// Creates contributions; every score has one value per column.
    public init(columnNames: [String], scores: [Score]) {
        precondition(scores.allSatisfy { $0.values.count == columnNames.count }, "one value per column")
        self.columnNames = columnNames
        self.scores = scores
    }
}
