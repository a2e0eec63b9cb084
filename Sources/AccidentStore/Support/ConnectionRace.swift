import AccidentML
import PostgresNIO

/// Runs a database operation against its connection's close: whichever ends first decides.
///
/// Why: with the server killed in the middle of a COPY, PostgresNIO 1.33 can leave the writer
/// waiting forever (measured: `train ingest` hung for more than 5 minutes after `pg_ctl stop -m
/// immediate`). The operation then fails at once with `AccidentStoreError.unavailable`; the
/// stuck task is cancelled and left to the process (a CLI exits, a server keeps serving).
enum ConnectionRace {
    static func run<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result,
        on connection: PostgresConnection, operation: String
    ) async throws -> Result {
        let resumed = Locked(false)
        let task = Locked<Task<Void, Never>?>(nil)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
                let finish: @Sendable (Swift.Result<Result, any Error>) -> Void = { outcome in
                    let first = resumed.withLock { done in
                        defer { done = true }
                        return !done
                    }
                    if first { continuation.resume(with: outcome) }
                }
                task.withLock { slot in
                    slot = Task {
                        do { finish(.success(try await body(connection))) } catch { finish(.failure(error)) }
                    }
                }
                connection.closeFuture.whenComplete { _ in
                    finish(.failure(AccidentStoreError.unavailable(
                        operation: operation, reason: "the connection to the database was lost during the operation")))
                    task.withLock { $0?.cancel() }
                }
            }
        } onCancel: {
            task.withLock { $0?.cancel() }
        }
    }
}
