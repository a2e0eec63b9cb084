/// Wall-clock time since a start, for phase durations and the progress bar's ETA.
struct Stopwatch {
    private let start = ContinuousClock.now

    /// Seconds since the stopwatch was created.
    var seconds: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}

/// Named phase durations in the order they ran, e.g. `load`, `train`, `evaluate`.
struct PhaseTimes {
    private(set) var phases: [(name: String, seconds: Double)] = []

    /// Runs `body` and records its duration under `name` (added to an earlier phase of that name).
    mutating func measure<R>(_ name: String, _ body: () throws -> R) rethrows -> R {
        let watch = Stopwatch()
        let result = try body()
        if let i = phases.firstIndex(where: { $0.name == name }) { phases[i].seconds += watch.seconds } else {
            phases.append((name, watch.seconds))
        }
        return result
    }

    /// The durations by name.
    var dictionary: [String: Double] { Dictionary(phases.map { ($0.name, $0.seconds) }, uniquingKeysWith: +) }
}
