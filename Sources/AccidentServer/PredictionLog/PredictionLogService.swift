import AccidentStore
import Logging
import ServiceLifecycle

/// Runs the store's `PredictionLogger` beside the HTTP server: creates the `predictions` table
/// if needed (retrying while the database is unreachable), then writes what requests logged.
///
/// Requests never wait for it: `PredictionLogger.log` only appends to a bounded buffer, and
/// records that cannot be written in time are dropped and counted (`/metrics`). On graceful
/// shutdown it runs after the HTTP server stopped, and writes what is left.
struct PredictionLogService: Service {
    let store: AccidentStore
    let logger: PredictionLogger
    let log: Logger

    init(configuration: StoreConfiguration, log: Logger) {
        store = AccidentStore(configuration: configuration, logger: log)
        logger = PredictionLogger(configuration: configuration, logger: log)
        self.log = log
    }

    /// Runs until graceful shutdown (or cancellation): the migrations, then the writer. Until the
    /// table exists, requests' records wait in the logger's buffer (dropped and counted when it is
    /// full); on shutdown the writer still tries to write them once.
    func run() async throws {
        await withGracefulShutdownHandler {
            await migrate()
            await logger.run()
        } onGracefulShutdown: {
            logger.shutdown()
        }
    }

    /// Applies the store's migrations, retrying with a growing delay (at most 30 s) until they
    /// succeed or the server stops.
    private func migrate() async {
        var delay = Duration.milliseconds(500)
        var warned = false
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await store.migrate()
                if warned { log.notice("prediction log: database reachable again, logging resumes") }
                return
            } catch {
                if !warned {
                    log.warning("prediction log: cannot prepare the predictions table; retrying, predictions are served meanwhile",
                                metadata: ["database": .string(store.configuration.description), "error": .string("\(error)")])
                    warned = true
                }
                try? await cancelWhenGracefulShutdown { [delay] in try await Task.sleep(for: delay) }
                delay = min(delay * 2, .seconds(30))
            }
        }
    }
}
