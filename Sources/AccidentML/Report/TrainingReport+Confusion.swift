extension TrainingReport {
    /// Counts of validation rows by actual (rows) and predicted (columns) class, the prediction
    /// being the most probable class.
    public struct ConfusionTable: Codable, Sendable, Equatable {
        /// Class labels, for rows and columns alike.
        public var labels: [String]
        /// `counts[actual][predicted]`.
        public var counts: [[Int]]

        /// Creates a table; `counts` is square with one row per label.
        public init(labels: [String], counts: [[Int]]) {
            precondition(counts.count == labels.count && counts.allSatisfy { $0.count == labels.count },
                         "confusion counts must be \(labels.count) x \(labels.count)")
            self.labels = labels; self.counts = counts
        }

        /// Decodes a table, rejecting counts that are not one row and one column per label
        /// (the charts index them by label).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let labels = try container.decode([String].self, forKey: .labels)
            let counts = try container.decode([[Int]].self, forKey: .counts)
            guard counts.count == labels.count && counts.allSatisfy({ $0.count == labels.count }) else {
                throw DecodingError.dataCorruptedError(forKey: .counts, in: container,
                    debugDescription: "confusion counts must be \(labels.count) x \(labels.count), one row and column per label")
            }
            self.init(labels: labels, counts: counts)
        }

        /// The share of the rows of class `actual` predicted as `predicted`; NaN when the class is absent.
        public func rowShare(actual: Int, predicted: Int) -> Double {
            let total = counts[actual].reduce(0, +)
            return total == 0 ? .nan : Double(counts[actual][predicted]) / Double(total)
        }
    }
}

extension TrainingReport.ConfusionTable {
    /// Copies a computed matrix with the class labels.
    init(_ matrix: ConfusionMatrix, labels: [String]) {
        self.init(labels: labels, counts: (0..<matrix.classCount).map { a in
            (0..<matrix.classCount).map { matrix.count(actual: a, predicted: $0) }
        })
    }
}
