extension TrainingReport {
    /// How much each feature matters to the model, most important first.
    public struct Importance: Codable, Sendable, Equatable {
        /// What `value` measures.
        public enum Measure: String, Codable, Sendable, Equatable {
            /// Total loss reduction of the splits on the feature (trees).
            case gain
            /// Absolute value of the feature's coefficient (linear models; on standardised
            /// features for the magnitudes to compare).
            case absoluteCoefficient
        }

        /// What `value` measures.
        public var measure: Measure
        /// One entry per feature, by decreasing value (ties by name).
        public var features: [Entry]

        /// One feature's importance.
        public struct Entry: Codable, Sendable, Equatable {
            /// Feature name.
            public var name: String
            /// Gain or |coefficient|.
            public var value: Double
            /// Number of splits on the feature (trees only).
            public var splits: Int?

            /// Creates an entry.
            public init(name: String, value: Double, splits: Int? = nil) {
                self.name = name; self.value = value; self.splits = splits
            }
        }

        /// Creates the importance table, sorting the entries by decreasing value.
        public init(measure: Measure, features: [Entry]) {
            self.measure = measure
            self.features = features.sorted { $0.value != $1.value ? $0.value > $1.value : $0.name < $1.name }
        }
    }
}
