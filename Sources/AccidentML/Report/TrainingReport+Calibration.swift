extension TrainingReport {
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

extension TrainingReport.CalibrationSeries {
    /// Copies computed bins.
    init(_ bins: CalibrationBins, classLabel: String) {
        self.init(classLabel: classLabel, bins: bins.bins.map {
            .init(lowerBound: $0.lowerBound, upperBound: $0.upperBound, count: $0.count,
                  meanPredicted: $0.meanPredicted, observedFrequency: $0.observedFrequency)
        })
    }
}
