import Logging
import PostgresNIO

extension PredictionLogger {
    /// The writer loop: wakes every `flushInterval`, when `batchSize` records are buffered and on
    /// `flush()`; returns after `shutdown()` once the buffer is written, or when its task is
    /// cancelled (what is left is then dropped and counted). Call it once.
    public func run() async {
        state.withLock { state in
            precondition(!state.running, "PredictionLogger.run() must be called once")
            state.running = true
        }
        var writer = Writer(owner: self)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [wakeUp, interval = options.flushInterval] in
                while (try? await Task.sleep(for: interval)) != nil { wakeUp.yield() }
            }
            for await _ in wakeUps {
                let forced = state.withLock { !$0.flushWaiters.isEmpty || !$0.accepting }
                await writer.pass(forced: forced)
            }
            group.cancelAll()
        }
        state.withLock { $0.accepting = false }
        await writer.pass(forced: true)
        await writer.close()
        let waiters = state.withLock { state in
            defer { state.flushWaiters = [] }
            return state.flushWaiters
        }
        for waiter in waiters { waiter.continuation.resume() }
    }

    /// Connection, retry schedule and outage bookkeeping; used by the writer task only.
    struct Writer {
        let owner: PredictionLogger
        var connection: PostgresConnection?
        var retryDelay: Duration
        var nextAttempt: ContinuousClock.Instant?
        var outageStarted: ContinuousClock.Instant?

        init(owner: PredictionLogger) {
            self.owner = owner
            retryDelay = owner.options.minimumRetryDelay
        }

        /// Writes the buffer in batches. Unless `forced`, it waits out the retry delay after a
        /// failure and puts unwritten records back; when `forced` (flush, shutdown) it tries now and
        /// drops what the database cannot take.
        mutating func pass(forced: Bool) async {
            defer { owner.resumeSettledWaiters() }
            if !forced, let nextAttempt, ContinuousClock.now < nextAttempt { return }
            let taken = owner.state.withLock { state in
                defer { state.buffer = [] }
                return state.buffer
            }
            var start = taken.startIndex
            while start < taken.endIndex {
                let batch = taken[start..<min(start + owner.options.batchSize, taken.endIndex)]
                do {
                    let rejected = try await write(batch)
                    owner.state.withLock { state in
                        state.statistics.written += batch.count - rejected
                        state.statistics.rejected += rejected
                        state.statistics.pending -= batch.count
                    }
                    recovered()
                    start = batch.endIndex
                } catch {
                    failed(error)
                    owner.putBack(taken[start...], drop: forced)
                    return
                }
            }
        }

        /// Inserts one batch; returns how many records the database refused as invalid (they are
        /// retried one by one so that one bad record does not sink its batch).
        private mutating func write(_ batch: ArraySlice<PredictionRecord>) async throws -> Int {
            do {
                try await insert(batch)
                return 0
            } catch let error as PSQLError where Self.isDataError(error) {
                guard batch.count > 1 else {
                    owner.logger.warning("prediction log: record refused by the database", metadata: [
                        "request_id": "\(batch.first!.requestID)",
                        "reason": "\(error.serverInfo.map(AccidentStore.serverReason) ?? "")",
                    ])
                    return 1
                }
                var rejected = 0
                for index in batch.indices { rejected += try await write(batch[index...index]) }
                return rejected
            }
        }

        private mutating func insert(_ batch: ArraySlice<PredictionRecord>) async throws {
            let timeout = owner.options.writeTimeout
            let connection = try await openConnection(timeout: timeout)
            let query = PredictionLogger.insertQuery(batch)
            do {
                _ = try await withTimeout(timeout, onTimeout: { connection.close().whenComplete { _ in } }) { [logger = owner.logger] in
                    try await connection.query(query, logger: logger)
                }
            } catch let error as PSQLError where Self.isDataError(error) {
                throw error // the connection is fine, the data is not
            } catch {
                self.connection = nil
                try? await connection.close()
                throw error
            }
        }

        private mutating func openConnection(timeout: Duration) async throws -> PostgresConnection {
            if let connection, !connection.isClosed { return connection }
            let fresh = try await withTimeout(timeout, discard: { try? await $0.close() }) {
                [configuration = owner.configuration, logger = owner.logger] in
                try await configuration.connect(logger: logger)
            }
            connection = fresh
            return fresh
        }

        mutating func close() async {
            try? await connection?.close()
            connection = nil
        }

        private mutating func failed(_ error: any Error) {
            owner.state.withLock { $0.statistics.failedWrites += 1 }
            if outageStarted == nil {
                outageStarted = .now
                owner.logger.warning("prediction log: database unavailable, buffering and retrying", metadata: [
                    "database": "\(owner.configuration)", "error": "\(AccidentStore.describe(error))",
                ])
            } else {
                retryDelay = min(retryDelay * 2, owner.options.maximumRetryDelay)
            }
            nextAttempt = .now + retryDelay
        }

        private mutating func recovered() {
            guard let started = outageStarted else { return }
            let statistics = owner.statistics
            owner.logger.notice("prediction log: database reachable again", metadata: [
                "outage": "\(ContinuousClock.now - started)",
                "dropped_total": "\(statistics.droppedBufferFull + statistics.droppedUnavailable)",
            ])
            outageStarted = nil
            nextAttempt = nil
            retryDelay = owner.options.minimumRetryDelay
        }

        /// A refusal of the data (SQLSTATE class 22 data exception or 23 integrity violation).
        static func isDataError(_ error: PSQLError) -> Bool {
            guard let state = error.serverInfo?[.sqlState] else { return false }
            return state.hasPrefix("22") || state.hasPrefix("23")
        }
    }

    /// Puts records that could not be written back in front of the buffer (they were counted in
    /// `pending`, so the buffer stays within capacity), or drops them.
    func putBack(_ records: ArraySlice<PredictionRecord>, drop: Bool) {
        state.withLock { state in
            if drop {
                state.statistics.droppedUnavailable += records.count
                state.statistics.pending -= records.count
            } else {
                state.buffer = Array(records) + state.buffer
            }
        }
        if drop {
            logger.warning("prediction log: dropped records the database could not take", metadata: ["count": "\(records.count)"])
        }
    }

    func resumeSettledWaiters() {
        let ready = state.withLock { state in
            let settled = state.settled
            let ready = state.flushWaiters.filter { $0.target <= settled }
            state.flushWaiters.removeAll { $0.target <= settled }
            return ready
        }
        for waiter in ready { waiter.continuation.resume() }
    }

    /// One multi-row INSERT of `batch` (7 binds per record).
    static func insertQuery(_ batch: ArraySlice<PredictionRecord>) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: batch.count * 7)
        var sql = "INSERT INTO predictions (logged_at, model_version, request_id, features, predicted_class, "
            + "probabilities, latency_us) VALUES "
        for (offset, record) in batch.enumerated() {
            let p = offset * 7
            sql += offset == 0 ? "" : ", "
            sql += "($\(p + 1), $\(p + 2), $\(p + 3), $\(p + 4)::jsonb, $\(p + 5), $\(p + 6)::jsonb, $\(p + 7))"
            bindings.append(record.time)
            bindings.append(record.modelVersion)
            bindings.append(record.requestID)
            bindings.append(record.featuresJSON)
            bindings.append(record.predictedClass)
            bindings.append(record.probabilitiesJSON)
            bindings.append(record.latencyMicroseconds)
        }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}
