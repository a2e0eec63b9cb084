import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentStore

@Suite(.requiresDatabase)
struct PredictionLoggerTests {
    private static func record(_ index: Int, features: String = #"{"lum": 1, "agg": 2, "secu1": 8}"#) -> PredictionRecord {
        PredictionRecord(time: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)), modelVersion: "test-1",
                         requestID: "req-\(index)", featuresJSON: features, predictedClass: "1",
                         probabilities: ["0": 0.25, "1": 0.75], latencyMicroseconds: Int64(index))
    }

    /// Runs `logger.run()` beside `body`, then shuts the logger down and waits for the writer to end.
    private func withRunning(_ logger: PredictionLogger, _ body: () async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await logger.run() }
            do { try await body() } catch { logger.shutdown(); throw error }
            logger.shutdown()
            try await group.waitForAll()
        }
    }

    /// Waits (5 min at most, not a performance bound) for `condition` to hold. The logger's writer
    /// task runs on the cooperative pool, which the whole suite shares: with suites in parallel on
    /// 2 cores, queued synchronous tests can keep it from running for about as long as the suite
    /// lasts (60 s was once too short). Only a writer that never gets there fails.
    private func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(300)
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return try await condition()
    }

    private func count(_ configuration: StoreConfiguration) async throws -> Int {
        try await TestDatabase.integer("SELECT count(*) FROM predictions", on: configuration)
    }

    @Test func aFullBatchIsWrittenAtOnceAndTheRestOnFlush() async throws {
        try await TestDatabase.withFreshSchema { configuration in
            try await AccidentStore(configuration: configuration, logger: TestDatabase.logger).migrate()
            let logger = PredictionLogger(configuration: configuration,
                                          options: .init(batchSize: 10, flushInterval: .seconds(3600)),
                                          logger: TestDatabase.logger)
            try await withRunning(logger) {
                for i in 0..<10 { logger.log(Self.record(i)) }
                let batchWritten = try await eventually { try await count(configuration) == 10 }
                #expect(batchWritten)
                for i in 10..<15 { logger.log(Self.record(i)) }
                await logger.flush()
                let afterFlush = try await count(configuration)
                #expect(afterFlush == 15)
            }
            // One INSERT per batch: the 10 records share a transaction id, the 5 others another.
            let transactions = try await TestDatabase.integer(
                "SELECT count(DISTINCT xmin::text) FROM predictions", on: configuration)
            #expect(transactions == 2)
            let exact = try await TestDatabase.integer("""
                SELECT count(*) FROM predictions WHERE request_id = 'req-3' AND model_version = 'test-1'
                AND features = '{"agg": 2, "lum": 1, "secu1": 8}'::jsonb AND predicted_class = '1'
                AND probabilities = '{"0": 0.25, "1": 0.75}'::jsonb AND latency_us = 3
                AND logged_at = to_timestamp(1700000003)
                """, on: configuration)
            #expect(exact == 1)
            #expect(logger.statistics == .init(accepted: 15, written: 15))
        }
    }

    @Test func theIntervalFlushesASmallBuffer() async throws {
        try await TestDatabase.withFreshSchema { configuration in
            try await AccidentStore(configuration: configuration, logger: TestDatabase.logger).migrate()
            let logger = PredictionLogger(configuration: configuration,
                                          options: .init(batchSize: 100, flushInterval: .milliseconds(20)),
                                          logger: TestDatabase.logger)
            try await withRunning(logger) {
                for i in 0..<3 { logger.log(Self.record(i)) }
                let written = try await eventually { try await count(configuration) == 3 }
                #expect(written)
            }
        }
    }

    @Test func anInvalidRecordIsRejectedAloneAndShutdownDrains() async throws {
        try await TestDatabase.withFreshSchema { configuration in
            try await AccidentStore(configuration: configuration, logger: TestDatabase.logger).migrate()
            let logger = PredictionLogger(configuration: configuration,
                                          options: .init(batchSize: 100, flushInterval: .seconds(3600)),
                                          logger: TestDatabase.logger)
            try await withRunning(logger) {
                for i in 0..<6 { logger.log(Self.record(i, features: i == 2 ? "{not json" : "{}")) }
            }
            logger.log(Self.record(99)) // after shutdown
            #expect(logger.statistics == .init(accepted: 6, droppedBufferFull: 1, written: 5, rejected: 1))
            let stored = try await count(configuration)
            #expect(stored == 5)
        }
    }

    @Test func aStoppedDatabaseDropsAndCountsWithoutBlocking() async throws {
        var configuration = try TestDatabase.configuration()
        configuration.port = try ClosedPort.make()
        let options = PredictionLogger.Options(capacity: 100, batchSize: 10, flushInterval: .milliseconds(5),
                                               minimumRetryDelay: .milliseconds(10), maximumRetryDelay: .milliseconds(50))
        let logger = PredictionLogger(configuration: configuration, options: options, logger: TestDatabase.logger)
        try await withRunning(logger) {
            for i in 0..<10_000 { logger.log(Self.record(i)) } // returns at once: nothing waits on the database
            let failing = try await eventually { logger.statistics.failedWrites >= 2 }
            #expect(failing)
            await logger.flush()
        }
        let s = logger.statistics
        #expect(s.accepted + s.droppedBufferFull == 10_000)
        #expect(s.accepted >= options.capacity)
        #expect(s.written == 0 && s.rejected == 0 && s.pending == 0)
        #expect(s.droppedUnavailable == s.accepted)
    }

    @Test func aHungDatabaseTimesOut() async throws {
        let hung = try LoopbackSocket(listening: true)
        var configuration = try TestDatabase.configuration()
        configuration.port = hung.port
        let logger = PredictionLogger(configuration: configuration,
                                      options: .init(flushInterval: .seconds(3600), writeTimeout: .milliseconds(200)),
                                      logger: TestDatabase.logger)
        try await withRunning(logger) {
            for i in 0..<5 { logger.log(Self.record(i)) }
            await logger.flush()
        }
        #expect(logger.statistics == .init(accepted: 5, droppedUnavailable: 5, failedWrites: 1))
    }

    @Test func recordsWaitOutAnOutageAndAreWrittenAfterIt() async throws {
        try await TestDatabase.withFreshSchema { configuration in
            // No migration yet: the table is missing, so every write fails until it exists.
            let options = PredictionLogger.Options(flushInterval: .milliseconds(10), minimumRetryDelay: .milliseconds(10),
                                                   maximumRetryDelay: .milliseconds(40))
            let logger = PredictionLogger(configuration: configuration, options: options, logger: TestDatabase.logger)
            try await withRunning(logger) {
                for i in 0..<5 { logger.log(Self.record(i)) }
                let failing = try await eventually { logger.statistics.failedWrites >= 2 }
                #expect(failing)
                try await AccidentStore(configuration: configuration, logger: TestDatabase.logger).migrate()
                let recovered = try await eventually { logger.statistics.written == 5 }
                #expect(recovered)
            }
            let s = logger.statistics
            #expect(s.droppedUnavailable == 0 && s.pending == 0 && s.written == 5)
            let stored = try await count(configuration)
            #expect(stored == 5)
        }
    }
}
