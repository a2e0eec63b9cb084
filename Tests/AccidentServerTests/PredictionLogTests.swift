import AccidentML
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import AccidentTestSupport
import Testing
@testable import AccidentServer
@testable import AccidentStore

/// Served predictions logged to PostgreSQL through the store's `PredictionLogger`.
@Suite("Prediction log")
struct PredictionLogTests {
    static let quiet: Logger = { var l = Logger(label: "prediction-log-tests"); l.logLevel = .critical; return l }()

    /// Runs `sql` on a connection of its own and returns the rows' text columns.
    static func query(_ sql: String, on configuration: StoreConfiguration) async throws -> [[String]] {
        let connection = try await configuration.connect(logger: quiet)
        do {
            var rows: [[String]] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: quiet) {
                rows.append(try row.map { try $0.decode(String?.self) ?? "" })
            }
            try await connection.close()
            return rows
        } catch {
            try? await connection.close()
            throw QueryFailed(sql: sql, details: String(reflecting: error))
        }
    }

    /// A failed query with PostgresNIO's details (its errors' descriptions hide them).
    struct QueryFailed: Error, CustomStringConvertible {
        let sql: String
        let details: String
        var description: String { "\(sql): \(details)" }
    }

    /// The server with its prediction log running (the writer in a task), stopped afterwards.
    static func withLoggingServer(_ database: StoreConfiguration,
                                  _ body: (PredictionServer, PredictionLogService) async throws -> Void) async throws {
        let server = try await TestServer.make { $0.database = database }
        let service = try #require(server.state.predictionLog)
        let task = Task { try await service.run() }
        do { try await body(server, service) } catch { service.logger.shutdown(); task.cancel(); throw error }
        service.logger.shutdown()
        task.cancel()
        _ = await task.result
    }

    @Test(.requiresDatabase)
    func everyServedPredictionIsWrittenWithItsRecord() async throws {
        let base = try StoreConfiguration(url: try TestEnvironment.requireDatabaseURL())
        let schema = "serve_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        _ = try await Self.query("CREATE SCHEMA \(schema)", on: base)
        defer { Task { _ = try? await Self.query("DROP SCHEMA \(schema) CASCADE", on: base) } }
        var database = base
        database.schema = schema
        let model = try TestModels.model(.accidentLogistic)
        let expected = [try TestRecords.expected(TestRecords.accident, .accidentLogistic),
                        try TestRecords.expected(TestRecords.accident, .accidentLogistic),
                        try TestRecords.expected(TestRecords.minimalAccident, .accidentLogistic)]
        try await Self.withLoggingServer(database) { server, service in
            try await server.makeApplication().test(.router) { client in
                #expect(try await client.post("/api/v1/predict", TestRecords.accident,
                                              headers: [.requestID: "log-1"]).status == .ok)
                #expect(try await client.post("/api/v1/predict/batch", "[\(TestRecords.accident), \(TestRecords.minimalAccident)]",
                                              headers: [.requestID: "log-2"]).status == .ok)
                #expect(try await client.post("/api/v1/predict", #"{"an": 1800}"#).status == .unprocessableContent)
                await service.logger.flush()
                let rows = try await Self.query("""
                    SELECT request_id, model_version, predicted_class, features->'vehicles'->1->>'catv', features->>'dep',
                           (probabilities->>'severe'), latency_us::text
                    FROM \(schema).predictions ORDER BY id
                    """, on: base)
                #expect(rows.map { $0[0] } == ["log-1", "log-2", "log-2"])
                #expect(rows.allSatisfy { $0[1] == model.version })
                #expect(rows.map { $0[2] } == expected.map(\.classLabel))
                #expect(rows.map { $0[3] } == ["33", "33", ""])
                #expect(rows.map { $0[4] } == ["2A", "2A", ""])
                for (row, p) in zip(rows, expected) { #expect(abs(Double(row[5])! - Double(p.probabilities[1])) < 1e-12) }
                let metrics = try await client.get("/metrics").text
                #expect(metrics.contains(#"accident_prediction_log_records_total{result="written"} 3"#))
            }
        }
    }

    @Test func anUnreachableDatabaseNeverFailsAPrediction() async throws {
        // Port 1 on loopback: nothing listens there, connections are refused at once.
        let database = StoreConfiguration(host: "127.0.0.1", port: 1, username: "nobody", password: nil, database: "none",
                                          tls: .disable, connectTimeout: .seconds(1))
        let server = try await TestServer.make { $0.database = database }
        let service = try #require(server.state.predictionLog)
        let task = Task { try await service.run() }
        try await server.makeApplication().test(.router) { client in
            for _ in 0..<5 {
                #expect(try await client.post("/api/v1/predict", TestRecords.accident).status == .ok)
            }
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains("accident_prediction_log_pending 5"))
            #expect(metrics.contains(#"accident_prediction_log_records_total{result="written"} 0"#))
        }
        // Outside a ServiceGroup, cancellation stands for the graceful shutdown: the migrations stop
        // retrying, and the writer drops and counts what it could not write.
        service.logger.shutdown()
        task.cancel()
        _ = await task.result
        let statistics = service.logger.statistics
        #expect(statistics.accepted == 5 && statistics.droppedUnavailable == 5 && statistics.pending == 0)
        #expect(PrometheusText.render(server.state.metrics.snapshot, model: nil, predictionLog: statistics)
            .contains(#"accident_prediction_log_records_total{result="dropped_unavailable"} 5"#))
    }
}
