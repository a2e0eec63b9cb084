extension TrainingReport {
    /// Rows, class balance and one summary per feature of the training data.
    public struct DataSummary: Codable, Sendable, Equatable {
        /// Number of rows.
        public var rowCount: Int
        /// Rows of each class, by class index (the positives of a binary problem are `classCounts[1]`).
        public var classCounts: [Int]
        /// One summary per feature column, in column order.
        public var features: [FeatureSummary]

        /// Creates a summary from its parts.
        public init(rowCount: Int, classCounts: [Int], features: [FeatureSummary]) {
            self.rowCount = rowCount; self.classCounts = classCounts; self.features = features
        }

        /// Share of the rows in class `k`; NaN without rows.
        public func classShare(_ k: Int) -> Double {
            rowCount == 0 ? .nan : Double(classCounts[k]) / Double(rowCount)
        }
    }

    /// Missing share, quartiles and, for code-like columns, the most frequent values of one feature.
    public struct FeatureSummary: Codable, Sendable, Equatable {
        /// Column name.
        public var name: String
        /// Share of rows where the value is missing (NaN).
        public var missingShare: Double
        /// Number of distinct present values.
        public var distinctCount: Int
        /// Minimum, quartiles and maximum of the present values (linear interpolation between
        /// order statistics, as NumPy's default); nil when every value is missing.
        public var quartiles: Quartiles?
        /// The most frequent values with their counts, most frequent first (ties: smaller value
        /// first); filled only for columns with at most `topValueLimit` distinct values, where
        /// the values are codes worth naming.
        public var topValues: [ValueCount]

        /// The largest distinct count for which `topValues` is filled.
        public static let topValueLimit = 20
        /// How many values `topValues` keeps.
        public static let topValueCount = 5

        /// Creates a summary from its parts.
        public init(name: String, missingShare: Double, distinctCount: Int, quartiles: Quartiles?, topValues: [ValueCount]) {
            self.name = name; self.missingShare = missingShare; self.distinctCount = distinctCount
            self.quartiles = quartiles; self.topValues = topValues
        }
    }

    /// Five-number summary of the present values of a feature.
    public struct Quartiles: Codable, Sendable, Equatable {
        /// Smallest value.
        public var minimum: Double
        /// 25th percentile.
        public var lowerQuartile: Double
        /// 50th percentile.
        public var median: Double
        /// 75th percentile.
        public var upperQuartile: Double
        /// Largest value.
        public var maximum: Double

        /// Creates a five-number summary.
        public init(minimum: Double, lowerQuartile: Double, median: Double, upperQuartile: Double, maximum: Double) {
            self.minimum = minimum; self.lowerQuartile = lowerQuartile; self.median = median
            self.upperQuartile = upperQuartile; self.maximum = maximum
        }
    }

    /// A feature value and how many rows hold it.
    public struct ValueCount: Codable, Sendable, Equatable {
        /// The value (a code for categorical columns).
        public var value: Double
        /// Rows holding it.
        public var count: Int

        /// Creates a value count.
        public init(value: Double, count: Int) { self.value = value; self.count = count }
    }
}
