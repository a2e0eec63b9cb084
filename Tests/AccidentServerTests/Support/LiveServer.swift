import Foundation
import Logging
import ServiceLifecycle
import Testing
@testable import AccidentServer

/// Runs a test server on a loopback port inside its real service group (the one `run()` uses,
/// with the shutdown deadline), for tests that need raw sockets or the shutdown path.
enum LiveServer {
    /// Starts `server`, calls `body` with its port and group, then shuts the server down
    /// gracefully (unless `body` already did) and waits for it to return.
    static func with(_ server: PredictionServer,
                     _ body: (_ port: Int, _ group: ServiceGroup) async throws -> Void) async throws {
        let (ports, sink) = AsyncStream<Int?>.makeStream()
        let app = server.makeApplication { port in sink.yield(port) }
        let group = server.serviceGroup([app], signals: [])
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next() ?? nil)
            do { try await body(port, group) } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// Waits until `condition` holds, checking every 20 ms for at most `seconds` (a bound against
    /// hanging, not a timing assertion); returns whether it held.
    static func eventually(within seconds: Double = 20, _ condition: () -> Bool) async -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }
}

/// A log handler that keeps every line, for tests of what the server logs.
final class CapturedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(level: Logger.Level, message: String, metadata: Logger.Metadata)] = []

    /// A logger writing here at `level` and above.
    func logger(level: Logger.Level = .info) -> Logger {
        var logger = Logger(label: "captured") { _ in Handler(log: self) }
        logger.logLevel = level
        return logger
    }

    /// Every line rendered as `message key=value ...`, one per entry.
    var lines: [String] {
        lock.withLock { entries.map { e in ([e.message] + e.metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ") } }
    }

    /// The messages logged, in order.
    var messages: [String] { lock.withLock { entries.map(\.message) } }

    fileprivate func append(_ level: Logger.Level, _ message: String, _ metadata: Logger.Metadata) {
        lock.withLock { entries.append((level, message, metadata)) }
    }

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
                 file: String, function: String, line: UInt) {
            log.append(level, message.description, self.metadata.merging(metadata ?? [:]) { $1 })
        }
    }
}
