/// Thrown by `withTimeout` when the operation did not finish in time.
struct TimeoutError: Error, CustomStringConvertible {
    let timeout: Duration
    var description: String { "no answer within \(timeout)" }
}

/// Runs `operation`, giving up after `timeout`: then `onTimeout` runs (e.g. to close the
/// connection an operation that ignores cancellation is waiting on), the operation is cancelled,
/// and a result it still produces is handed to `discard` (e.g. to close a late connection).
func withTimeout<Result: Sendable>(
    _ timeout: Duration,
    onTimeout: @escaping @Sendable () -> Void = {},
    discard: @escaping @Sendable (Result) async -> Void = { _ in },
    _ operation: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        if let first = try await group.next(), let result = first {
            group.cancelAll()
            return result
        }
        onTimeout()
        group.cancelAll()
        while let late = try? await group.next() {
            if let result = late { await discard(result) }
        }
        throw TimeoutError(timeout: timeout)
    }
}
