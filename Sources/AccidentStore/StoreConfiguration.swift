import Foundation
import Logging
import PostgresNIO

/// Where and how to reach the accident database.
///
/// Built from a `postgres://user:password@host:port/database` URL or from the `PG_*` environment
/// variables; its `description` never shows the password, so it is safe to log.
public struct StoreConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// How the connection negotiates TLS, with libpq's `sslmode` meanings.
    public enum TLSMode: String, Sendable, Equatable, CaseIterable {
        /// Plain TCP only (the throwaway loopback server of `scripts/services/postgres.sh`).
        case disable
        /// TLS when the server offers it, without certificate checks (libpq's default).
        case prefer
        /// TLS or fail, without certificate checks.
        case require
        /// TLS or fail, with the certificate checked against the system roots and the host name.
        case verifyFull = "verify-full"
    }

    /// Server host name or IP address.
    public var host: String
    /// Server TCP port.
    public var port: Int
    /// Role to log in as.
    public var username: String
    /// Password of `username`, if the server asks for one.
    public var password: String?
    /// Database name.
    public var database: String
    /// TLS negotiation.
    public var tls: TLSMode
    /// Time allowed to open the TCP connection.
    public var connectTimeout: Duration
    /// Schema holding the tables (the connection's `search_path`); nil for the server default
    /// (`public`). Lets several stores share one database, e.g. one schema per test.
    public var schema: String?

    /// Creates a configuration from its parts.
    public init(host: String, port: Int = 5432, username: String, password: String?, database: String,
                tls: TLSMode = .prefer, connectTimeout: Duration = .seconds(10), schema: String? = nil) {
        self.host = host; self.port = port; self.username = username; self.password = password
        self.database = database; self.tls = tls; self.connectTimeout = connectTimeout; self.schema = schema
    }

    /// Where the connection goes, password masked.
    public var description: String {
        let secret = password == nil ? "" : ":***"
        let schemaParameter = schema.map { "&schema=\($0)" } ?? ""
        return "postgres://\(username)\(secret)@\(host):\(port)/\(database)?sslmode=\(tls.rawValue)\(schemaParameter)"
    }

    /// Opens one connection; the caller closes it.
    func connect(logger: Logger) async throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database,
            tls: try makeTLS())
        configuration.options.connectTimeout = .nanoseconds(connectTimeout.wholeNanoseconds)
        if let schema { configuration.options.additionalStartupParameters = [("search_path", schema)] }
        return try await PostgresConnection.connect(
            configuration: configuration, id: Int.random(in: 1...Int(Int32.max)), logger: logger)
    }

    private func makeTLS() throws -> PostgresConnection.Configuration.TLS {
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        switch tls {
        case .disable:
            return .disable
        case .prefer:
            tlsConfiguration.certificateVerification = .none
            return .prefer(try NIOSSLContext(configuration: tlsConfiguration))
        case .require:
            tlsConfiguration.certificateVerification = .none
            return .require(try NIOSSLContext(configuration: tlsConfiguration))
        case .verifyFull:
            return .require(try NIOSSLContext(configuration: tlsConfiguration))
        }
    }
}

extension Duration {
    /// The duration in whole nanoseconds (sub-nanosecond attoseconds dropped).
    var wholeNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
