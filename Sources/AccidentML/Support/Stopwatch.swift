/// Wall-clock time since a start, for phase durations, progress ETAs and request timings.
package struct Stopwatch: Sendable {
    private let start = ContinuousClock.now

    /// Starts the stopwatch now.
    package init() {}

    /// Seconds since the stopwatch was created.
    package var seconds: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
