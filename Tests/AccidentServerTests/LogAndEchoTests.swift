import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

/// What the server writes about clients: an access log that is off by default and sampled when on,
/// client text escaped in every line, and error bodies that never echo a huge value whole
/// (issue 16, items 5 and 6), and the model size limit on reloads (item 2).
@Suite("Logging, echoed values and reload limits")
struct LogAndEchoTests {
    func requests(_ n: Int, sample: Double?) async throws -> CapturedLog {
        let log = CapturedLog()
        let server = try await TestServer.make(logger: log.logger()) { c in if let sample { c.accessLogSample = sample } }
        try await server.makeApplication().test(.router) { client in
            for _ in 0..<n {
                let r = try await client.get("/api/v1/test")
                #expect(r.status == .ok)
            }
        }
        return log
    }

    @Test func theAccessLogIsOffByDefaultAndSampledWhenOn() async throws {
        #expect(try await requests(20, sample: nil).messages.filter { $0 == "request" }.isEmpty)
        #expect(try await requests(20, sample: 1).messages.filter { $0 == "request" }.count == 20)
        #expect(try await requests(20, sample: 0.25).messages.filter { $0 == "request" }.count == 5)
    }

    @Test func theSampleIsAShareBetweenZeroAndOne() throws {
        for bad in ["-0.1", "1.5", "often"] {
            #expect(throws: ConfigurationError.self) {
                try ServerConfiguration.resolve(environment: ["API_KEYS": TestServer.key, "ACCESS_LOG_SAMPLE": bad],
                                                overrides: .init())
            }
        }
        let c = try ServerConfiguration.resolve(environment: ["API_KEYS": TestServer.key, "ACCESS_LOG_SAMPLE": "0.01"],
                                                overrides: .init())
        #expect(c.accessLogSample == 0.01 && AccessLogSampler(share: c.accessLogSample)?.period == 100)
    }

    @Test func aClientPathWithANewlineCannotForgeALogLine() async throws {
        let log = CapturedLog()
        let server = try await TestServer.make(logger: log.logger())
        try await server.makeApplication().test(.router) { client in
            let forged = "x.aml\nlevel=critical message=\"model reloaded\" version=forged"
            let r = try await client.reload(path: forged)
            #expect(r.status != .ok)
        }
        #expect(!log.lines.isEmpty)
        #expect(log.lines.allSatisfy { !$0.contains("\n") })
        #expect(log.lines.contains { $0.contains(#"x.aml\nlevel=critical"#) })
    }

    @Test func aHugeBadValueIsNotEchoedWhole() async throws {
        let huge = String(repeating: "9", count: 900_000)
        let server = try await TestServer.make()
        try await server.makeApplication().test(.router) { client in
            let body = #"{"an": 2021, "mois": 6, "jour": 15, "vehicles": [{"catv": 7}], "users": [{"catu": 1}], "dep": "\#(huge)"}"#
            let r = try await client.post("/api/v1/predict", body)
            #expect(r.status == .unprocessableContent)
            #expect(r.body.readableBytes < 4096)
            let message = try #require(try r.error()["message"] as? String)
            #expect(message.contains("…(900002 characters)"))  // the quoted value
        }
    }

    @Test func aReloadOverTheModelSizeLimitFailsAndTheModelKeepsServing() async throws {
        func size(_ path: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        }
        // The limit admits the start-up model (logistic) and not the larger forest.
        let gbdt = try TestModels.path(.accidentGBDT)
        let limit = try size(TestModels.path(.accidentLogistic))
        try #require(try size(gbdt) > limit)
        let server = try await TestServer.make { $0.limits.maxModelBytes = limit }
        try await server.makeApplication().test(.router) { client in
            let before = try await client.post("/api/v1/predict", TestRecords.accident).json()["model_version"] as? String
            let r = try await client.reload(path: gbdt)
            #expect(r.status == .unprocessableContent)
            #expect(try r.error()["code"] as? String == "model_load_failed")
            #expect(try (r.error()["message"] as? String ?? "").contains("max-model-bytes"))
            let after = try await client.post("/api/v1/predict", TestRecords.accident).json()["model_version"] as? String
            #expect(before != nil && after == before)
        }
    }
}
