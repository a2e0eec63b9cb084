import Dispatch
import Foundation

/// Runs the database's async calls from the tool's synchronous commands.
///
/// The calling thread blocks (on a semaphore, never spinning) until the work is done, while the
/// work runs on a thread of its own: the caller may be a thread of Swift's cooperative pool (the
/// in-process tests run commands there), and work queued behind a blocked pool thread could wait
/// forever on a machine with few cores.
enum AsyncBridge {
    /// Runs `work` to completion and returns its result or rethrows its error.
    static func wait<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
        let outcome = Outcome<Value>()
        let done = DispatchSemaphore(value: 0)
        let operation: @Sendable () async -> Void = {
            do { outcome.result = .success(try await work()) } catch { outcome.result = .failure(error) }
            done.signal()
        }
        if #available(macOS 15, *) {
            Task(executorPreference: DedicatedThreadExecutor.shared, operation: operation)
        } else {
            Task(operation: operation)
        }
        done.wait()
        guard let result = outcome.result else { preconditionFailure("the work signalled without a result") }
        return try result.get()
    }

    /// The result, written by the work before it signals and read after the wait.
    private final class Outcome<Value>: @unchecked Sendable {
        var result: Result<Value, any Error>?
    }
}

/// A task executor with one thread of its own, started on first use and kept for the process:
/// jobs run in arrival order; when there is none the thread sleeps on a condition variable.
@available(macOS 15, *)
final class DedicatedThreadExecutor: TaskExecutor, @unchecked Sendable {
    /// The executor every `AsyncBridge.wait` runs on.
    static let shared = DedicatedThreadExecutor()

    private let condition = NSCondition()
    private var pending: [UnownedJob] = []

    private init() {
        let thread = Thread { [self] in runJobs() }
        thread.name = "train.database"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        pending.append(job)
        condition.signal()
        condition.unlock()
    }

    private func runJobs() {
        var batch: [UnownedJob] = []
        while true {
            condition.lock()
            while pending.isEmpty { condition.wait() }
            swap(&batch, &pending)
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
            batch.removeAll(keepingCapacity: true)
        }
    }
}
