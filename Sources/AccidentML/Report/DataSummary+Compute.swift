extension TrainingReport.DataSummary {
    /// Summarises a feature matrix and its labels (class indices below `classCount`).
    init(features: FeatureMatrix<Float>, labels: [Int32], classCount: Int) {
        precondition(labels.count == features.rowCount, "labels and rows disagree in count")
        var classCounts = [Int](repeating: 0, count: classCount)
        for y in labels {
            precondition(y >= 0 && Int(y) < classCount, "label \(y) out of range 0..<\(classCount)")
            classCounts[Int(y)] += 1
        }
        // One scratch buffer reused by every column: no allocation per column beyond the summary.
        var present = [Float]()
        present.reserveCapacity(features.rowCount)
        let summaries = features.columnNames.indices.map { c in
            present.removeAll(keepingCapacity: true)
            features.withColumn(c) { column in
                for v in column where !v.isNaN { present.append(v) }
            }
            present.sort()
            return TrainingReport.FeatureSummary(name: features.columnNames[c], sortedPresent: present,
                                                 rowCount: features.rowCount)
        }
        self.init(rowCount: features.rowCount, classCounts: classCounts, features: summaries)
    }
}

extension TrainingReport.FeatureSummary {
    /// Summarises the sorted present values of a column of `rowCount` rows.
    init(name: String, sortedPresent values: [Float], rowCount: Int) {
        // Runs of equal values in sorted order: distinct count and frequencies in one pass.
        var runs: [TrainingReport.ValueCount] = []
        var start = 0
        while start < values.count {
            var end = start + 1
            while end < values.count && values[end] == values[start] { end += 1 }
            runs.append(.init(value: Double(values[start]), count: end - start))
            start = end
        }
        let top = runs.count > Self.topValueLimit ? [] : Array(runs.enumerated()
            .sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
            .prefix(Self.topValueCount).map(\.element))
        self.init(name: name,
                  missingShare: rowCount == 0 ? 0 : Double(rowCount - values.count) / Double(rowCount),
                  distinctCount: runs.count,
                  quartiles: values.isEmpty ? nil : TrainingReport.Quartiles(
                      minimum: Double(values[0]), lowerQuartile: Self.quantile(values, 0.25),
                      median: Self.quantile(values, 0.5), upperQuartile: Self.quantile(values, 0.75),
                      maximum: Double(values[values.count - 1])),
                  topValues: top)
    }

    /// The `q` quantile of sorted values, interpolating linearly between order statistics at
    /// position q·(n - 1) (NumPy's default `linear` method).
    static func quantile(_ sorted: [Float], _ q: Double) -> Double {
        precondition(!sorted.isEmpty && q >= 0 && q <= 1, "quantile of an empty list or outside [0, 1]")
        let position = q * Double(sorted.count - 1)
        let below = Int(position.rounded(.down)), above = min(below + 1, sorted.count - 1)
        let fraction = position - Double(below)
        return Double(sorted[below]) + fraction * (Double(sorted[above]) - Double(sorted[below]))
    }
}
