import AccidentML
/// The server's counters, exposed at `/metrics` in the Prometheus text format.
///
/// One lock guards all of them: a request updates a few dictionary entries once, at its end.
final class ServerMetrics: Sendable {
    struct RequestKey: Hashable { let route: String; let method: String; let status: Int }
    struct ErrorKey: Hashable { let route: String; let code: String }

    struct Counts {
        var requests: [RequestKey: Int] = [:]
        var latency: [String: LatencyHistogram] = [:]
        var errors: [ErrorKey: Int] = [:]
        var predictions: [String: Int] = [:]
        var reloadsSucceeded = 0
        var reloadsFailed = 0
        var aliasPollsSucceeded = 0
        var aliasPollsFailed = 0
    }

    private let counts = Locked(Counts())

    /// Records one answered request; `route` is the route pattern, never the raw path.
    func recordRequest(route: String, method: String, status: Int, seconds: Double) {
        counts.withLock {
            $0.requests[RequestKey(route: route, method: method, status: status), default: 0] += 1
            $0.latency[route, default: LatencyHistogram()].observe(seconds)
        }
    }

    /// Records one error answer by its code.
    func recordError(route: String, code: String) {
        counts.withLock { $0.errors[ErrorKey(route: route, code: code), default: 0] += 1 }
    }

    /// Records how many predictions predicted each class (`perClass[i]` for `labels[i]`).
    func recordPredictions(perClass: [Int], labels: [String]) {
        counts.withLock { metrics in
            for (label, n) in zip(labels, perClass) where n > 0 { metrics.predictions[label, default: 0] += n }
        }
    }

    /// Records a model reload attempt.
    func recordReload(succeeded: Bool) {
        counts.withLock { if succeeded { $0.reloadsSucceeded += 1 } else { $0.reloadsFailed += 1 } }
    }

    /// Records one poll of the followed alias (`--follow-alias`); failed when the registry could
    /// not be asked or the new version could not be loaded.
    func recordAliasPoll(succeeded: Bool) {
        counts.withLock { if succeeded { $0.aliasPollsSucceeded += 1 } else { $0.aliasPollsFailed += 1 } }
    }

    /// A copy of the counters, for rendering outside the lock.
    var snapshot: Counts { counts.withLock { $0 } }
}
