/// A Prometheus-style latency histogram: counts per upper bound, plus sum and count.
struct LatencyHistogram: Sendable {
    /// Upper bounds in seconds, from 50 µs (a lean predict) to 5 s (a slow model reload).
    static let bounds: [Double] = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
                                   0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    /// `counts[i]` observations fell in `(bounds[i-1], bounds[i]]`; the last slot is above every bound.
    private(set) var counts = [Int](repeating: 0, count: bounds.count + 1)
    private(set) var sum = 0.0
    private(set) var count = 0

    mutating func observe(_ seconds: Double) {
        let slot = Self.bounds.firstIndex { seconds <= $0 } ?? Self.bounds.count
        counts[slot] += 1
        sum += seconds
        count += 1
    }

    /// `(le, cumulative count)` pairs, ending with `+Inf`, as the exposition format wants.
    var cumulativeBuckets: [(le: String, count: Int)] {
        var running = 0
        var buckets: [(le: String, count: Int)] = []
        for (i, bound) in Self.bounds.enumerated() {
            running += counts[i]
            buckets.append((String(bound), running))
        }
        buckets.append(("+Inf", count))
        return buckets
    }
}
