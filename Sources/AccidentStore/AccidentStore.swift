import AccidentML
import Logging
import PostgresNIO

/// The BAAC accident data in PostgreSQL: schema migrations, year-by-year ingest, reading back.
///
/// Each operation opens its own connection and closes it when done: operations are coarse
/// (a whole year, a range of years), so a pool would buy nothing and would need a running task.
public struct AccidentStore: Sendable {
    /// Where the database is.
    public let configuration: StoreConfiguration
    let logger: Logger

    /// Creates a store; nothing is contacted until an operation runs.
    public init(configuration: StoreConfiguration, logger: Logger = Logger(label: "accidentml.store")) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs `body` on a fresh connection, closed afterwards; errors come out as `AccidentStoreError`
    /// (or `CancellationError`).
    ///
    /// A connection lost under the operation (the server crashed or was stopped) fails it at
    /// once: the driver can leave a COPY waiting forever on a closed connection, so the operation
    /// races the connection's close (see `ConnectionRace`).
    func withConnection<Result: Sendable>(
        _ operation: String, _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let connection: PostgresConnection
        do {
            connection = try await configuration.connect(logger: logger)
        } catch {
            throw translate(error, operation: operation)
        }
        do {
            let result = try await ConnectionRace.run(body, on: connection, operation: operation)
            try? await connection.close()
            return result
        } catch {
            // Awaited (PostgresNIO asserts a connection is closed before it goes), but bounded: a
            // lost connection is closed already and answers at once.
            _ = try? await withTimeout(.seconds(5)) { try await connection.close() }
            throw translate(error, operation: operation)
        }
    }

    /// Maps PostgresNIO errors to `AccidentStoreError`; other errors pass through.
    func translate(_ error: any Error, operation: String) -> any Error {
        switch error {
        case let error as AccidentStoreError:
            return error
        case let error as PostgresTransactionError:
            let inner = error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError
            return inner.map { translate($0, operation: operation) }
                ?? AccidentStoreError.server(operation: operation, reason: String(reflecting: error))
        case let error as PSQLError:
            if let info = error.serverInfo {
                return AccidentStoreError.server(operation: operation, reason: Self.serverReason(info))
            }
            return AccidentStoreError.unavailable(operation: operation, reason: connectionReason(error))
        default:
            return error
        }
    }

    /// The server's message, SQLSTATE and detail, e.g. `duplicate key value … [23505]; Key (id)=(1) already exists.`
    static func serverReason(_ info: PSQLError.ServerInfo) -> String {
        var reason = info[.message] ?? "unknown server error"
        if let state = info[.sqlState] { reason += " [SQLSTATE \(state)]" }
        if let detail = info[.detail] { reason += "; \(detail)" }
        return reason
    }

    /// A short, password-free account of any error, for logs.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let info = error.serverInfo { return serverReason(info) }
        return error.underlying.map { "\(error.code): \($0)" } ?? "\(error.code)"
    }

    private func connectionReason(_ error: PSQLError) -> String {
        let address = "\(configuration.host):\(configuration.port)"
        if let underlying = error.underlying { return "\(address): \(error.code): \(underlying)" }
        return "\(address): \(error.code)"
    }
}
