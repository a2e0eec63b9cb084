import AccidentML

/// Decides which requests the access log writes: every `period`-th one, counted across the server.
///
/// Deterministic rather than random, so a sample of 0.01 writes exactly one line per 100
/// requests; the counter is one lock shared by every request, taken only when sampling is on.
final class AccessLogSampler: Sendable {
    /// One request in `period` is logged.
    let period: Int
    private let counter = Locked(0)

    /// A sampler writing a `share` (0 < share ≤ 1) of the requests, or nil for `share` 0 (no access log).
    init?(share: Double) {
        precondition((0...1).contains(share), "the access log share is between 0 and 1")
        guard share > 0 else { return nil }
        period = max(1, Int((1 / share).rounded()))
    }

    /// Whether to log the request being answered now.
    func shouldLog() -> Bool {
        counter.withLock {
            $0 += 1
            if $0 == period { $0 = 0; return true }
            return false
        }
    }
}
