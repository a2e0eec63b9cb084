import AccidentML
import Logging

/// Writes served predictions to the `predictions` table in the background.
///
/// `log(_:)` never blocks nor awaits: it appends to a bounded buffer (when full, the record is
/// dropped and counted). `run()` is the writer: it inserts the buffer in batches every
/// `batchSize` records or `flushInterval`, whichever comes first. When the database is down or
/// slow, records stay buffered while the writer retries with a growing delay; overflowing
/// records are dropped and counted, and each outage is logged once. `flush()` waits for what was
/// logged before it; `shutdown()` makes `run()` write what is left and return.
///
/// Typical use: start `run()` in a task (e.g. a ServiceLifecycle service), call `log` from request
/// handlers, call `shutdown()` on graceful shutdown and await the task.
public final class PredictionLogger: Sendable {
    /// Buffering, batching and retry settings.
    public struct Options: Sendable, Equatable {
        /// Records held at most while waiting to be written; more are dropped.
        public var capacity: Int
        /// Records per INSERT (at most 9,000), and the buffer size that wakes the writer early.
        public var batchSize: Int
        /// Longest time a record waits in the buffer while the database is up.
        public var flushInterval: Duration
        /// Time allowed to connect and write one batch before the attempt counts as failed.
        public var writeTimeout: Duration
        /// First retry delay after a failure; doubles after each further failure.
        public var minimumRetryDelay: Duration
        /// Longest retry delay.
        public var maximumRetryDelay: Duration

        /// Creates options; the defaults suit a server doing up to a few thousand predictions per second.
        public init(capacity: Int = 10_000, batchSize: Int = 256, flushInterval: Duration = .milliseconds(500),
                    writeTimeout: Duration = .seconds(5), minimumRetryDelay: Duration = .milliseconds(500),
                    maximumRetryDelay: Duration = .seconds(30)) {
            precondition(capacity > 0 && batchSize > 0, "capacity and batchSize must be positive")
            precondition(batchSize <= 9_000, "batchSize over 9,000 exceeds PostgreSQL's 65,535 binds per INSERT")
            precondition(minimumRetryDelay <= maximumRetryDelay, "minimumRetryDelay must not exceed maximumRetryDelay")
            self.capacity = capacity; self.batchSize = batchSize; self.flushInterval = flushInterval
            self.writeTimeout = writeTimeout; self.minimumRetryDelay = minimumRetryDelay
            self.maximumRetryDelay = maximumRetryDelay
        }
    }

    /// Counters since the logger was created. Every record given to `log` ends up in exactly one
    /// of `droppedBufferFull`, `written`, `droppedUnavailable`, `rejected` or `pending`.
    public struct Statistics: Sendable, Equatable {
        /// Records accepted into the buffer.
        public var accepted = 0
        /// Records refused by `log` because the buffer was full (or the logger shut down).
        public var droppedBufferFull = 0
        /// Records inserted into `predictions`.
        public var written = 0
        /// Accepted records discarded because the database could not take them in time.
        public var droppedUnavailable = 0
        /// Accepted records the database refused as invalid (e.g. `featuresJSON` not JSON).
        public var rejected = 0
        /// Accepted records not settled yet (buffered or being written).
        public var pending = 0
        /// Batch writes that failed for want of a working database.
        public var failedWrites = 0
    }

    struct State {
        var buffer: [PredictionRecord] = []
        var statistics = Statistics()
        var accepting = true
        var running = false
        var flushWaiters: [(target: Int, continuation: CheckedContinuation<Void, Never>)] = []

        /// Accepted records written, dropped or rejected so far.
        var settled: Int { statistics.written + statistics.droppedUnavailable + statistics.rejected }
    }

    let configuration: StoreConfiguration
    let options: Options
    let logger: Logger
    let state = Locked(State())
    let wakeUps: AsyncStream<Void>
    let wakeUp: AsyncStream<Void>.Continuation

    /// Creates a logger writing to the `predictions` table of `configuration`'s database (run
    /// `AccidentStore.migrate()` first). Nothing is contacted until `run()` writes.
    public init(configuration: StoreConfiguration, options: Options = Options(),
                logger: Logger = Logger(label: "accidentml.predictions")) {
        self.configuration = configuration
        self.options = options
        self.logger = logger
        (wakeUps, wakeUp) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Queues one record for writing; O(1), never blocks, never fails. When the buffer is full
    /// (database down or too slow) the record is dropped and counted.
    public func log(_ record: PredictionRecord) {
        let wake = state.withLock { state -> Bool in
            // `pending` counts buffered and in-flight records: together they stay within capacity.
            guard state.accepting, state.statistics.pending < options.capacity else {
                state.statistics.droppedBufferFull += 1
                return false
            }
            state.buffer.append(record)
            state.statistics.accepted += 1
            state.statistics.pending += 1
            return state.buffer.count % options.batchSize == 0
        }
        if wake { wakeUp.yield() }
    }

    /// The counters now.
    public var statistics: Statistics { state.withLock { $0.statistics } }

    /// Returns once every record accepted before the call is written, rejected or dropped: the
    /// writer tries right away, and drops what the database cannot take then. Needs `run()`.
    public func flush() async {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state -> Bool in
                let target = state.statistics.accepted
                guard state.settled < target else { return true }
                state.flushWaiters.append((target, continuation))
                return false
            }
            if done { continuation.resume() } else { wakeUp.yield() }
        }
    }

    /// Stops accepting records; `run()` then writes what is buffered (dropping what the database
    /// cannot take) and returns. Never blocks.
    public func shutdown() {
        state.withLock { $0.accepting = false }
        wakeUp.finish()
    }
}
