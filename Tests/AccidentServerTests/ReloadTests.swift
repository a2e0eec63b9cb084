import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

@Suite("POST /api/v1/reload_model")
struct ReloadTests {
    /// P(grave) of a driver at 50 km/h under each model version, computed here from the formula.
    static let graveAt50 = ["v1": logistic(-2 + 0.1 * 5), "v2": logistic(1 - 0.2 * 5)]

    func grave(_ response: TestResponse) throws -> (version: String, p: Double) {
        let body = try response.json()
        let p = try #require((body["probabilities"] as? [String: Double])?["grave"])
        return (try #require(body["model_version"] as? String), p)
    }

    func reloadBody(_ path: String) -> String { JSONValue.object(["path": .string(path)]).text }

    @Test func reloadSwapsTheModel() async throws {
        let v2 = try TestModelFile.write(version: "v2", coefficients: TestServer.v2)
        try await TestServer.make().makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/reload_model", reloadBody(v2))
            #expect(r.status == .ok)
            let body = try r.json()
            #expect(body["previous_version"] as? String == "v1")
            #expect((body["model"] as? [String: Any])?["version"] as? String == "v2")
            let health = try await client.get("/api/v1/test").json()
            #expect((health["model"] as? [String: Any])?["version"] as? String == "v2")
            let after = try grave(try await client.post("/api/v1/predict", #"{"catu": 1, "vma": 50}"#))
            #expect(after.version == "v2")
            #expect(abs(after.p - Self.graveAt50["v2"]!) < 1e-12)
        }
    }

    @Test func reloadLoadsAModelWhenNoneWasLoaded() async throws {
        let v2 = try TestModelFile.write(version: "v2", coefficients: TestServer.v2)
        try await TestServer.make(loadModel: false).makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/reload_model", reloadBody(v2))
            #expect(r.status == .ok)
            #expect(try r.json()["previous_version"] == nil)
            #expect(try await client.post("/api/v1/predict", #"{"catu": 1}"#).status == .ok)
        }
    }

    @Test func failedReloadIs422AndTheOldModelKeepsServing() async throws {
        let broken = try TestModelFile.write(version: "v3", coefficients: TestServer.v2)
        try "kind=logistic-test\nversion=v3\n".write(toFile: broken, atomically: true, encoding: .utf8)
        try await TestServer.make().makeApplication().test(.router) { client in
            for path in ["/nonexistent/model.txt", broken] {
                let r = try await client.post("/api/v1/reload_model", reloadBody(path))
                #expect(r.status == .unprocessableContent)
                let error = try r.error()
                #expect(error["code"] as? String == "model_load_failed")
                #expect(error["field"] as? String == "path")
                let still = try grave(try await client.post("/api/v1/predict", #"{"catu": 1, "vma": 50}"#))
                #expect(still.version == "v1")
                #expect(abs(still.p - Self.graveAt50["v1"]!) < 1e-12)
            }
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains(#"accident_model_reloads_total{result="failed"} 2"#))
        }
    }

    @Test func badReloadBodies() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let missing = try await client.post("/api/v1/reload_model", #"{"file": "x"}"#)
            #expect(missing.status == .unprocessableContent)
            #expect(try missing.error()["field"] as? String == "path")
            let wrongType = try await client.post("/api/v1/reload_model", #"{"path": 3}"#)
            #expect(wrongType.status == .unprocessableContent)
            #expect(try wrongType.error()["field"] as? String == "path")
            #expect(try await client.post("/api/v1/reload_model", #"{"path": "#).status == .badRequest)
        }
    }

    @Test func reloadsDuringConcurrentRequestsLoseNone() async throws {
        let paths = [try TestModelFile.write(version: "v1", coefficients: TestServer.v1),
                     try TestModelFile.write(version: "v2", coefficients: TestServer.v2)]
        try await TestServer.make().makeApplication().test(.ahc(.http)) { client in
            try await withThrowingTaskGroup(of: [(String, Double)].self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        var answers: [(String, Double)] = []
                        for _ in 0..<25 {
                            let r = try await client.post("/api/v1/predict", #"{"catu": 1, "vma": 50}"#)
                            #expect(r.status == .ok)
                            let g = try grave(r)
                            answers.append((g.version, g.p))
                        }
                        return answers
                    }
                }
                group.addTask {
                    for i in 0..<10 {
                        let r = try await client.post("/api/v1/reload_model", reloadBody(paths[(i + 1) % 2]))
                        #expect(r.status == .ok)
                    }
                    return []
                }
                var count = 0
                for try await answers in group {
                    for (version, p) in answers {
                        count += 1
                        let expected = try #require(Self.graveAt50[version])
                        #expect(abs(p - expected) < 1e-12, "answer of \(version) computed by another model")
                    }
                }
                #expect(count == 200)
            }
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains(#"accident_model_reloads_total{result="ok"} 10"#))
        }
    }
}
