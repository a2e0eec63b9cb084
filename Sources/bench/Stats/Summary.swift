/// The repeats of one measurement reduced to what the report shows: the median and the spread
/// (min–max, and the quartiles for the raw JSON), the samples kept as they were taken.
struct Summary: Codable, Equatable, Sendable {
    /// The values, in the order they were measured.
    let samples: [Double]
    let median: Double
    let min: Double
    let max: Double
    /// First and third quartiles (linear interpolation between order statistics, as numpy's default).
    let q1: Double
    let q3: Double

    /// Summarises at least one sample.
    init(_ samples: [Double]) {
        precondition(!samples.isEmpty, "a summary needs at least one sample")
        let sorted = samples.sorted()
        self.samples = samples
        median = Self.quantile(sorted, 0.5)
        min = sorted.first!
        max = sorted.last!
        q1 = Self.quantile(sorted, 0.25)
        q3 = Self.quantile(sorted, 0.75)
    }

    /// Width of the min–max range: the spread the verdict rule uses.
    var range: Double { max - min }

    /// The same measurement expressed per unit: `work / sample` for every sample, e.g. seconds
    /// turned into rows per second (a sample of 0 s gives +infinity).
    func reciprocal(times work: Double) -> Summary {
        Summary(samples.map { work / $0 })
    }

    /// Every sample multiplied by `factor`, e.g. bytes to MiB.
    func scaled(by factor: Double) -> Summary {
        Summary(samples.map { $0 * factor })
    }

    /// The `p`-quantile of sorted values, interpolating linearly between neighbours.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty && (0...1).contains(p), "quantile of an empty list or p outside 0...1")
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = Int(position.rounded(.up))
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}
