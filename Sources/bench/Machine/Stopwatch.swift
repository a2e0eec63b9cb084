#if canImport(Glibc)
import Glibc
#endif

/// Monotonic wall-clock time for the measurements (`CLOCK_MONOTONIC`, a vDSO call of a few
/// tens of nanoseconds, cheap enough to time single-row predictions one by one).
enum Stopwatch {
    /// Nanoseconds since an arbitrary fixed point.
    @inline(__always)
    static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
    }

    /// Seconds taken by one call of `body`.
    static func seconds<E: Error>(_ body: () throws(E) -> Void) throws(E) -> Double {
        let start = now()
        try body()
        return Double(now() &- start) / 1e9
    }

    /// Runs `body` once untimed (warm-up: page cache, lazy initialisation), then `repeats`
    /// timed times, with the load average read before and after; `name` labels the result.
    static func measure<E: Error>(_ name: String, repeats: Int, warmUp: Bool = true,
                                  _ body: () throws(E) -> Void) throws(E) -> MeasuredSide {
        precondition(repeats >= 1, "at least one repeat")
        if warmUp { try body() }
        let before = MachineInfo.loadAverage()
        var samples: [Double] = []
        for _ in 0..<repeats { samples.append(try seconds(body)) }
        return MeasuredSide(name: name, summary: Summary(samples), loadBefore: before, loadAfter: MachineInfo.loadAverage())
    }
}
