import AccidentML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much one client may hold of the server, and for how long: connections, timeouts, model size.
///
/// These apply before authentication, so an anonymous client can neither exhaust the file
/// descriptors with idle connections nor keep the server from stopping (docs/operations.md).
public struct ServerLimits: Sendable, Equatable {
    /// The most open client connections; one more is accepted and closed at once, and counted.
    public var maxConnections: Int = ServerLimits.defaultMaxConnections()
    /// How long a connection may take to send a complete request head, from its first byte
    /// (or from connecting, for the first request).
    public var headerTimeout: Duration = .seconds(10)
    /// How long a request may take to send its whole body, from its head.
    public var bodyTimeout: Duration = .seconds(30)
    /// How long a kept-alive connection may stay silent between requests.
    public var idleTimeout: Duration = .seconds(60)
    /// How long a graceful shutdown waits for requests in flight before cancelling them.
    public var shutdownTimeout: Duration = .seconds(10)
    /// The largest model file a reload (or the start-up model) may be.
    public var maxModelBytes: Int = AccidentModel.defaultMaxFileBytes

    /// Creates the defaults.
    public init() {}

    /// A connection cap below the process's file descriptor limit: the soft `RLIMIT_NOFILE`
    /// minus 256 descriptors kept for model files, the database and logs, between 64 and 10,000.
    public static func defaultMaxConnections() -> Int {
        var limit = rlimit()
        #if canImport(Glibc)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &limit) == 0, limit.rlim_cur != rlim_t.max else { return 10_000 }
        return Swift.max(64, Swift.min(10_000, Int(clamping: limit.rlim_cur) - 256))
    }
}

extension ServerLimits: CustomStringConvertible {
    /// The limits for the start-up log line.
    public var description: String {
        "max_connections=\(maxConnections) header_timeout=\(headerTimeout) body_timeout=\(bodyTimeout) "
            + "idle_timeout=\(idleTimeout) shutdown_timeout=\(shutdownTimeout) max_model_bytes=\(maxModelBytes)"
    }
}
