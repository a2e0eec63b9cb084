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

        /// Creates a curve; `train` has one value per round and `validation` one per round or none.
        public init(metric: String, higherIsBetter: Bool, rounds: [Int], train: [Double], validation: [Double] = [],
                    bestRound: Int? = nil) {
            precondition(train.count == rounds.count, "one training value per round")
            precondition(validation.isEmpty || validation.count == rounds.count, "one validation value per round, or none")
            self.metric = metric; self.higherIsBetter = higherIsBetter; self.rounds = rounds
            self.train = train; self.validation = validation; self.bestRound = bestRound
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
        /// Value on the validation rows.
        public var validation: Double

        /// Creates a final metric value pair.
        public init(name: String, higherIsBetter: Bool, train: Double, validation: Double) {
            self.name = name; self.higherIsBetter = higherIsBetter; self.train = train; self.validation = validation
        }
    }

    /// The ROC curve of one class against the rest (the positive class of a binary model).
    public struct ROCSeries: Codable, Sendable, Equatable {
        /// The class scored as positive.
        public var classLabel: String
        /// Area under the curve; NaN when the class or its complement is absent.
        public var auc: Double
        /// Corners of the curve from (0, 0) to (1, 1), thresholds decreasing; the builder keeps
        /// only corners at least `resolution` apart in one of the rates (the AUC is exact).
        public var points: [ROCPoint]

        /// Creates a series.
        public init(classLabel: String, auc: Double, points: [ROCPoint]) {
            self.classLabel = classLabel; self.auc = auc; self.points = points
        }
    }

    /// A point of a ROC curve (a copy of `ROCCurve.Point` that can be encoded).
    public struct ROCPoint: Codable, Sendable, Equatable {
        /// Share of negatives scored at or above the threshold.
        public var falsePositiveRate: Double
        /// Share of positives scored at or above the threshold.
        public var truePositiveRate: Double
        /// The threshold; +infinity for the first point (encoded as the string `Infinity`).
        public var threshold: Float

        /// Creates a point.
        public init(falsePositiveRate: Double, truePositiveRate: Double, threshold: Float) {
            self.falsePositiveRate = falsePositiveRate; self.truePositiveRate = truePositiveRate; self.threshold = threshold
        }
    }

    /// The reliability diagram of one class against the rest.
    public struct CalibrationSeries: Codable, Sendable, Equatable {
        /// The class whose probability is binned.
        public var classLabel: String
        /// Equal-width bins over [0, 1], low to high.
        public var bins: [CalibrationBin]

        /// Creates a series.
        public init(classLabel: String, bins: [CalibrationBin]) { self.classLabel = classLabel; self.bins = bins }
    }

    /// A calibration bin (a copy of `CalibrationBins.Bin` that can be encoded).
    public struct CalibrationBin: Codable, Sendable, Equatable {
        /// Lower edge of the bin.
        public var lowerBound: Double
        /// Upper edge of the bin.
        public var upperBound: Double
        /// Number of rows scored in the bin.
        public var count: Int
        /// Mean predicted probability in the bin; nil when empty.
        public var meanPredicted: Double?
        /// Observed share of the class in the bin; nil when empty.
        public var observedFrequency: Double?

        /// Creates a bin.
        public init(lowerBound: Double, upperBound: Double, count: Int, meanPredicted: Double?, observedFrequency: Double?) {
            self.lowerBound = lowerBound; self.upperBound = upperBound; self.count = count
            self.meanPredicted = meanPredicted; self.observedFrequency = observedFrequency
        }
    }
}
