import AccidentML

/// What a connection was doing when its deadline passed.
enum ConnectionPhase: String, Sendable, CaseIterable {
    /// Sending a request head (slowloris).
    case header
    /// Sending a request body.
    case body
    /// Silent between requests on a kept-alive connection.
    case idle
}

/// Counts open connections against the cap, and those refused or closed on a deadline.
///
/// Shared by every connection of a server; one lock, taken once when a connection opens and
/// once when it closes.
final class ConnectionGate: Sendable {
    struct Counts: Sendable, Equatable {
        var open = 0
        var accepted = 0
        var refused = 0
        var timedOut: [ConnectionPhase: Int] = [:]
    }

    /// The most connections open at once.
    let maxConnections: Int
    private let counts = Locked(Counts())

    init(maxConnections: Int) {
        precondition(maxConnections > 0, "the connection cap must be positive")
        self.maxConnections = maxConnections
    }

    /// Takes a place for a new connection, or counts it refused when every place is taken.
    func admit() -> Bool {
        counts.withLock {
            guard $0.open < maxConnections else {
                $0.refused += 1
                return false
            }
            $0.open += 1
            $0.accepted += 1
            return true
        }
    }

    /// Gives back the place of an admitted connection that closed.
    func release() { counts.withLock { $0.open -= 1 } }

    /// Counts a connection closed because it stayed too long in `phase`.
    func recordTimeout(_ phase: ConnectionPhase) { counts.withLock { $0.timedOut[phase, default: 0] += 1 } }

    /// A copy of the counters.
    var snapshot: Counts { counts.withLock { $0 } }
}
