import AccidentML
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

@Suite("POST /api/v1/reload_model")
struct ReloadTests {
    /// The answer's model version and probabilities.
    func answer(_ response: TestResponse) throws -> (version: String, p: [Double]) {
        let body = try response.json()
        return (try #require(body["model_version"] as? String),
                try TestResponse.probabilities(body, labels: ["not severe", "severe"]))
    }

    /// What each test model answers for `TestRecords.accident`, by version.
    static func expectedByVersion() throws -> [String: SeverityPrediction] {
        var expected: [String: SeverityPrediction] = [:]
        for file in [TestModels.File.accidentLogistic, .accidentGBDT] {
            expected[try TestModels.model(file).version] = try TestRecords.expected(TestRecords.accident, file)
        }
        return expected
    }

    @Test func reloadSwapsTheModel() async throws {
        let v2 = try TestModels.copy(.accidentGBDT)
        let (v1Version, v2Version) = (try TestModels.model(.accidentLogistic).version, try TestModels.model(.accidentGBDT).version)
        try await TestServer.make().makeApplication().test(.router) { client in
            let r = try await client.reload(path: v2)
            #expect(r.status == .ok)
            let body = try r.json()
            #expect(body["previous_version"] as? String == v1Version)
            #expect((body["model"] as? [String: Any])?["version"] as? String == v2Version)
            #expect((body["model"] as? [String: Any])?["kind"] as? String == "gbdt")
            let health = try await client.get("/api/v1/test").json()
            #expect((health["model"] as? [String: Any])?["version"] as? String == v2Version)
            let after = try answer(try await client.post("/api/v1/predict", TestRecords.accident))
            #expect(after.version == v2Version)
            #expect(same(after.p, try #require(try Self.expectedByVersion()[v2Version])))
        }
    }

    @Test func reloadLoadsAModelWhenNoneWasLoaded() async throws {
        let v2 = try TestModels.path(.accidentGBDT)
        try await TestServer.make(loadModel: false).makeApplication().test(.router) { client in
            let r = try await client.reload(path: v2)
            #expect(r.status == .ok)
            #expect(try r.json()["previous_version"] == nil)
            #expect(try await client.post("/api/v1/predict", TestRecords.accident).status == .ok)
        }
    }

    @Test func failedReloadIs422AndTheOldModelKeepsServing() async throws {
        let truncated = try TestModels.copy(.accidentGBDT)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: truncated))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        let notAModel = truncated + ".txt"
        try "kind=gbdt\n".write(toFile: notAModel, atomically: true, encoding: .utf8)
        let v1 = try TestModels.model(.accidentLogistic)
        try await TestServer.make().makeApplication().test(.router) { client in
            for (path, reason) in [("nonexistent/model.aml", "nonexistent/model.aml"), (truncated, "truncated"),
                                   (notAModel, "not an AccidentML model file")] {
                let r = try await client.reload(path: path)
                #expect(r.status == .unprocessableContent)
                let error = try r.error()
                #expect(error["code"] as? String == "model_load_failed")
                #expect(error["field"] as? String == "path")
                #expect((error["message"] as? String)?.contains(reason) == true, "\(error)")
                let still = try answer(try await client.post("/api/v1/predict", TestRecords.accident))
                #expect(still.version == v1.version)
                #expect(same(still.p, try TestRecords.expected(TestRecords.accident, .accidentLogistic)))
            }
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains(#"accident_model_reloads_total{result="failed"} 3"#))
        }
    }

    @Test func badReloadBodies() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let missing = try await client.post("/api/v1/reload_model", #"{"file": "x"}"#, key: TestServer.adminKey)
            #expect(missing.status == .unprocessableContent)
            #expect(try missing.error()["field"] as? String == "model")
            let wrongType = try await client.post("/api/v1/reload_model", #"{"path": 3}"#, key: TestServer.adminKey)
            #expect(wrongType.status == .unprocessableContent)
            #expect(try wrongType.error()["field"] as? String == "path")
            #expect(try await client.post("/api/v1/reload_model", #"{"path": "#, key: TestServer.adminKey).status == .badRequest)
        }
    }

    @Test func reloadsDuringConcurrentRequestsLoseNone() async throws {
        let paths = [try TestModels.path(.accidentLogistic), try TestModels.path(.accidentGBDT)]
        let expected = try Self.expectedByVersion()
        try await TestServer.make().makeApplication().test(.ahc(.http)) { client in
            try await withThrowingTaskGroup(of: [(String, [Double])].self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        var answers: [(String, [Double])] = []
                        for _ in 0..<25 {
                            let r = try await client.post("/api/v1/predict", TestRecords.accident)
                            #expect(r.status == .ok)
                            answers.append(try answer(r))
                        }
                        return answers
                    }
                }
                group.addTask {
                    for i in 0..<10 {
                        let r = try await client.reload(path: paths[(i + 1) % 2])
                        #expect(r.status == .ok)
                    }
                    return []
                }
                var count = 0
                for try await answers in group {
                    for (version, p) in answers {
                        count += 1
                        #expect(same(p, try #require(expected[version])), "answer of \(version) computed by another model")
                    }
                }
                #expect(count == 200)
            }
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains(#"accident_model_reloads_total{result="ok"} 10"#))
        }
    }
}
