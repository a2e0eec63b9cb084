extension TrainingReport {
    /// What was trained, how, on what data, by which library version and when.
    public struct RunInfo: Codable, Sendable, Equatable {
        /// Model family, e.g. `gbdt` or `logistic`.
        public var modelKind: String
        /// Prediction unit, e.g. `accident` (severe or not) or `person` (4-class `grav`).
        public var unit: String
        /// What each class index means, in probability order.
        public var classLabels: [String]
        /// Training hyperparameters as text (name → value).
        public var hyperparameters: [String: String]
        /// Where the training data came from (folders, database, generator seed).
        public var dataSource: String
        /// Rows used: `train`, `validation`, and any others.
        public var rowCounts: [String: Int]
        /// The seed of the split and of the trainer.
        public var seed: UInt64
        /// Wall-clock seconds per phase, e.g. `load`, `train`, `evaluate`.
        public var durations: [String: Double]
        /// The AccidentML version that trained the model.
        public var libraryVersion: String
        /// When the run happened (ISO 8601, UTC): the only time the report shows.
        public var createdAt: String

        /// Creates run information.
        public init(modelKind: String, unit: String, classLabels: [String], hyperparameters: [String: String] = [:],
                    dataSource: String = "", rowCounts: [String: Int] = [:], seed: UInt64,
                    durations: [String: Double] = [:], libraryVersion: String = accidentMLVersion, createdAt: String) {
            self.modelKind = modelKind; self.unit = unit; self.classLabels = classLabels
            self.hyperparameters = hyperparameters; self.dataSource = dataSource; self.rowCounts = rowCounts
            self.seed = seed; self.durations = durations; self.libraryVersion = libraryVersion; self.createdAt = createdAt
        }

        /// Takes kind, unit, classes, hyperparameters, data source, row counts, version and time
        /// from the model file's metadata, so the report and the model agree.
        public init(metadata: ModelMetadata, seed: UInt64, durations: [String: Double]) {
            self.init(modelKind: metadata.kind.rawValue, unit: metadata.unit.rawValue, classLabels: metadata.classLabels,
                      hyperparameters: metadata.hyperparameters, dataSource: metadata.dataSource,
                      rowCounts: metadata.rowCounts, seed: seed, durations: durations,
                      libraryVersion: metadata.libraryVersion, createdAt: metadata.createdAt)
        }
    }
}
