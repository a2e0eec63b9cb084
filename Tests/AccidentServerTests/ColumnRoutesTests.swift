import AccidentML
import AccidentStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

/// The fast path of column models on the prediction routes (records decoded straight into
/// feature rows, probabilities written straight into the response) against the plain path,
/// which the same model takes behind a wrapper backend: the same answers, byte for byte.
@Suite("Column models' fast path on the prediction routes")
struct ColumnRoutesTests {
    /// The production backend behind a wrapper: the server does not see an
    /// `AccidentModelBackend`, so it decodes `RawRecord`s and calls `predict` (the plain path).
    struct PlainBackend: PredictionBackend {
        let wrapped: AccidentModelBackend
        var info: ModelInfo { wrapped.info }
        var inputFields: [InputField] { wrapped.inputFields }
        var supportsExplanations: Bool { wrapped.supportsExplanations }
        func predict(_ records: [RawRecord], explain: Bool) throws -> [Prediction] {
            try wrapped.predict(records, explain: explain)
        }
    }

    static func plainServer() async throws -> PredictionServer {
        try await TestServer.make(backend: PlainBackend(wrapped: AccidentModelBackend(model: TestModels.model(.columnsGBDT))))
    }

    /// A random record of the test model's columns `a`, `b`, `c`: mostly valid, sometimes with an
    /// unknown, missing, null or wrongly typed field.
    static func record(_ rng: inout SplitMix64) -> String {
        let values = ["1", "-1.5", "0.25", "2", "null", "1e-1", "-0.75", "1.9999", "3"]
        var fields = ["a", "b", "c"].filter { _ in rng.next() % 80 != 0 }
            .map { "\"\($0)\": \(values[Int(rng.next() % UInt64(values.count))])" }
        switch rng.next() % 40 {
        case 0: fields.append(#""d": 1"#)
        case 1: fields.append(#""b": "x""#)
        case 2: fields.append(#""c": [1]"#)
        default: break
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// Status and body, without the request id that differs between servers.
    static func answer(_ response: TestResponse) throws -> String {
        guard response.status == .ok else {
            var error = try response.error()
            error["request_id"] = nil
            return "\(response.status.code) \(error.sorted { $0.key < $1.key })"
        }
        return "200 " + response.text
    }

    @Test func theFastPathIsTakenForDirectColumnModelsOnly() async throws {
        #expect(try await TestServer.make(.columnsGBDT).state.currentModel().columns?.names == ["a", "b", "c"])
        #expect(try await TestServer.make(.accidentGBDT).state.currentModel().columns == nil)
        #expect(try await Self.plainServer().state.currentModel().columns == nil)
    }

    @Test func answersAreThePlainPathsByteForByte() async throws {
        let fastServer = try await TestServer.make(.columnsGBDT) { $0.maxBatchSize = 12 }
        let plainServer = try await Self.plainServer()
        try await fastServer.makeApplication().test(.router) { fast in
            try await plainServer.makeApplication().test(.router) { plain in
                var rng = SplitMix64(seed: 41)
                var valid = 0, large = 0
                for i in 0..<300 {
                    // Up to 7 records go one by one, 8 or more through the forest's batch path.
                    let count = Int(rng.next() % 15)
                    let batch = "[" + (0..<count).map { _ in Self.record(&rng) }.joined(separator: ", ") + "]"
                    let single = Self.record(&rng)
                    // The plain server's batch limit is the default (1000): compare below the fast one's.
                    if count <= 12 {
                        let answer = try Self.answer(await fast.post("/api/v1/predict/batch", batch))
                        #expect(answer == (try Self.answer(await plain.post("/api/v1/predict/batch", batch))), "\(batch)")
                        if answer.hasPrefix("200") && count > 0 { valid += 1 }
                        if answer.hasPrefix("200") && count >= 8 { large += 1 }
                    } else {
                        let tooLarge = try await fast.post("/api/v1/predict/batch", batch)
                        #expect(tooLarge.status == .contentTooLarge)
                        #expect(try tooLarge.error()["code"] as? String == "batch_too_large")
                    }
                    let answer = try Self.answer(await fast.post("/api/v1/predict", single))
                    #expect(answer == (try Self.answer(await plain.post("/api/v1/predict", single))), "\(single)")
                    if i % 50 == 0 {  // explanations take the plain path on both servers
                        let explained = try await fast.post("/api/v1/predict/batch?explain=true", "[\(single)]")
                        #expect(try Self.answer(explained)
                                == (try Self.answer(await plain.post("/api/v1/predict/batch?explain=true", "[\(single)]"))))
                    }
                }
                #expect(valid > 50 && large > 20, "too few valid batches to compare predictions")
            }
        }
    }

    @Test func csvAnswersAreThePlainPathsByteForByte() async throws {
        let fastServer = try await TestServer.make(.columnsGBDT) { $0.maxBatchSize = 12 }
        let plainServer = try await Self.plainServer()
        let headers = ["a,b,c", "c, a ,b", "a,b", "a,b,c,d", "a,a,b,c"]
        let cells = ["1", "-1.5", "0.25", "", "2", "\"3\"", " 1e-1 ", "x", "1.9999", "17:45"]
        try await fastServer.makeApplication().test(.router) { fast in
            try await plainServer.makeApplication().test(.router) { plain in
                var rng = SplitMix64(seed: 42)
                var valid = 0
                for _ in 0..<300 {
                    let header = rng.next() % 6 == 0 ? headers[Int(rng.next() % UInt64(headers.count))] : "a,b,c"
                    let width = header.split(separator: ",").count + (rng.next() % 40 == 0 ? 1 : 0)
                    let lines = (0..<Int(rng.next() % 13)).map { _ in
                        (0..<width).map { _ in rng.next() % 12 == 0 ? cells[Int(rng.next() % UInt64(cells.count))]
                                                                     : cells[Int(rng.next() % 3)] }.joined(separator: ",")
                    }
                    let csv = ([header] + lines).joined(separator: rng.next() % 2 == 0 ? "\n" : "\r\n") + "\n"
                    let answer = try Self.answer(await fast.post("/api/v1/predict/batch", csv, contentType: "text/csv"))
                    #expect(answer == (try Self.answer(await plain.post("/api/v1/predict/batch", csv, contentType: "text/csv"))),
                            "\(csv)")
                    if answer.hasPrefix("200") && lines.count >= 8 { valid += 1 }
                }
                #expect(valid > 20, "too few valid batches to compare predictions")
            }
        }
    }

    @Test func invalidBatchesNameTheRecordAndField() async throws {
        try await TestServer.make(.columnsGBDT).makeApplication().test(.router) { client in
            let cases: [(String, HTTPResponse.Status, String?)] = [
                (#"[{"a": 1, "b": 2, "c": 3}, {"a": 1, "b": true, "c": 3}]"#, .unprocessableContent, "[1].b"),
                (#"[{"a": 1, "b": 2, "c": 3, "zz": 1, "d": 0}]"#, .unprocessableContent, "[0].d"),
                (#"[{"a": 1, "b": 2}]"#, .unprocessableContent, "[0].c"),
                (#"[{"a": 1, "b": "x", "c": 3}, 5]"#, .unprocessableContent, "[1]"),
                (#"[{"a": 1, "b": "x", "c": 3}, {"a": ]"#, .badRequest, nil),
                (#"{"a": 1, "b": 2, "c": 3}"#, .unprocessableContent, nil),
            ]
            for (body, status, field) in cases {
                let r = try await client.post("/api/v1/predict/batch", body)
                #expect(r.status == status, "\(body)")
                #expect(try r.error()["field"] as? String == field, "\(body)")
            }
            let single = try await client.post("/api/v1/predict", #"{"a": 1, "b": 2, "c": [3]}"#)
            #expect(single.status == .unprocessableContent)
            #expect(try single.error()["field"] as? String == "c")
            #expect(try (single.error()["message"] as? String)?.contains("an array") == true)
        }
    }

    @Test func withAPredictionLogTheRecordsAreDecodedAndLogged() async throws {
        // Nothing listens on port 1: the log keeps what it is given, then drops it at shutdown.
        let database = StoreConfiguration(host: "127.0.0.1", port: 1, username: "nobody", password: nil, database: "none",
                                          tls: .disable, connectTimeout: .seconds(1))
        let server = try await TestServer.make(.columnsGBDT) { $0.database = database }
        let service = try #require(server.state.predictionLog)
        let task = Task { try await service.run() }
        try await server.makeApplication().test(.router) { client in
            let single = try await client.post("/api/v1/predict", #"{"a": 1, "b": 2, "c": 3}"#)
            let batch = try await client.post("/api/v1/predict/batch", #"[{"a": 1, "b": 2, "c": 3}, {"a": 0, "b": 0, "c": null}]"#)
            #expect(single.status == .ok && batch.status == .ok)
        }
        service.logger.shutdown()
        task.cancel()
        _ = await task.result
        #expect(service.logger.statistics.accepted == 3)
    }

    @Test func batchesOverASocketAreTheCoresPredictions() async throws {
        let model = try TestModels.model(.columnsGBDT)
        let records = [#"{"a": 1.5, "b": -0.25, "c": 2}"#, #"{"c": null, "b": 1, "a": 0}"#, #"{"a": -2, "b": 2, "c": 0.5}"#]
        try await TestServer.make(.columnsGBDT).makeApplication().test(.live) { client in
            let r = try await client.post("/api/v1/predict/batch", "[" + records.joined(separator: ",") + "]")
            #expect(r.status == .ok)
            let predictions = try #require(try r.json()["predictions"] as? [[String: Any]])
            #expect(predictions.count == 3)
            for (served, record) in zip(predictions, records) {
                let expected = try model.predict(record: TestRecords.raw(record))
                #expect(same(try TestResponse.probabilities(served, labels: model.classLabels), expected))
                #expect(served["predicted_class"] as? String == expected.classLabel)
            }
            let one = try await client.post("/api/v1/predict", records[0])
            #expect(try one.json()["model_version"] as? String == model.version)
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains("accident_predictions_total"))
        }
    }
}
