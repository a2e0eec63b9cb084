extension TrainingReport {
    /// One metric's train and validation values per boosting round or optimiser iteration.
    public struct LearningCurve: Codable, Sendable, Equatable {
        /// The metric's name, e.g. `logloss`.
        public var metric: String
        /// Whether larger values are better, so the chart can say which way is good.
        public var higherIsBetter: Bool
        /// Round (iteration) numbers, increasing.
        public var rounds: [Int]
        /// Training value at each round.
        public var train: [Double]
        /// Validation value at each round; empty without a validation set.
        public var validation: [Double]
        /// The round the final model stops at (early stopping), if any.
        public var bestRound: Int?
        /// Training rows the training values are measured on when that is a seeded sample of
        /// them (large training sets); nil when every training row counts.
        public var trainSampleRows: Int?

        /// Creates a curve; `train` has one value per round and `validation` one per round or none.
        public init(metric: String, higherIsBetter: Bool, rounds: [Int], train: [Double], validation: [Double] = [],
                    bestRound: Int? = nil, trainSampleRows: Int? = nil) {
            precondition(train.count == rounds.count, "one training value per round")
            precondition(validation.isEmpty || validation.count == rounds.count, "one validation value per round, or none")
            self.metric = metric; self.higherIsBetter = higherIsBetter; self.rounds = rounds
            self.train = train; self.validation = validation; self.bestRound = bestRound
            self.trainSampleRows = trainSampleRows
        }
    }

    /// A metric of the final model on the training and on the validation rows.
    public struct FinalMetric: Codable, Sendable, Equatable {
        /// The metric's name, e.g. `auc`.
        public var name: String
        /// Whether larger values are better.
        public var higherIsBetter: Bool
        /// Value on the training rows.
        public var train: Double
        /// Value on the validation rows; nil when no rows were held out (absent from `metrics.json`).
        public var validation: Double?

        /// Creates a final metric value pair.
        public init(name: String, higherIsBetter: Bool, train: Double, validation: Double?) {
            self.name = name; self.higherIsBetter = higherIsBetter; self.train = train; self.validation = validation
        }
    }
}
