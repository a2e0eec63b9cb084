/// A reliability diagram: scores cut into equal-width bins over [0, 1], with per bin the mean
/// predicted probability against the observed frequency of positives (as scikit-learn's
/// `calibration_curve(strategy="uniform")`, plus the counts and the empty bins).
public struct CalibrationBins: Sendable, Equatable {
    /// One bin: scores in (lowerBound, upperBound], the first bin also holding 0.
    public struct Bin: Sendable, Equatable {
        /// Lower edge of the bin.
        public let lowerBound: Double
        /// Upper edge of the bin.
        public let upperBound: Double
        /// Number of scores in the bin.
        public let count: Int
        /// Mean score in the bin; nil when empty.
        public let meanPredicted: Double?
        /// Share of positives in the bin; nil when empty.
        public let observedFrequency: Double?
    }

    /// The bins, from low to high scores.
    public let bins: [Bin]

    /// Bins the scores (probabilities in [0, 1]) of rows that are positive or not.
    public init(scores: [Float], positives: [Bool], binCount: Int = 10) {
        precondition(scores.count == positives.count, "scores and labels disagree in count")
        precondition(binCount >= 1, "at least one bin")
        var counts = [Int](repeating: 0, count: binCount)
        var scoreSums = [Double](repeating: 0, count: binCount), positiveCounts = counts
        for (score, positive) in zip(scores, positives) {
            precondition(score >= 0 && score <= 1, "score \(score) is not a probability")
            let bin = min(max(Int((Double(score) * Double(binCount)).rounded(.up)) - 1, 0), binCount - 1)
            counts[bin] += 1
            scoreSums[bin] += Double(score)
            if positive { positiveCounts[bin] += 1 }
        }
        bins = (0..<binCount).map { b in
            let n = Double(counts[b])
            return Bin(lowerBound: Double(b) / Double(binCount), upperBound: Double(b + 1) / Double(binCount),
                       count: counts[b], meanPredicted: counts[b] == 0 ? nil : scoreSums[b] / n,
                       observedFrequency: counts[b] == 0 ? nil : Double(positiveCounts[b]) / n)
        }
    }

    /// Bins the probabilities of class `positiveClass` (row-major, `classCount` per row), one class against the rest.
    public init(probabilities: [Float], labels: [Int32], classCount: Int, positiveClass: Int = 1, binCount: Int = 10) {
        precondition(probabilities.count == labels.count * classCount, "probabilities and labels disagree in count")
        precondition(positiveClass >= 0 && positiveClass < classCount, "positive class out of range")
        self.init(scores: stride(from: positiveClass, to: probabilities.count, by: classCount).map { probabilities[$0] },
                  positives: labels.map { Int($0) == positiveClass }, binCount: binCount)
    }
}
