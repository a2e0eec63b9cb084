import AccidentML
import AccidentRegistry
import AccidentTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

/// The server against the real MLflow (`scripts/services/mlflow.sh`, started by scripts/test.sh):
/// start on `models:/…@champion`, reload by call and by following the alias, failures.
@Suite("Server on the model registry (MLflow)", .requiresMLflow, .serialized)
struct RegistryServerTests {
    /// A private model cache per server, so every test downloads what it serves.
    static func cache() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("accident-server-cache-\(UUID())").path
    }

    static func server(_ fixture: RegistryFixture, model: String? = nil) async throws -> PredictionServer {
        try await TestServer.make(loadModel: false) { c in
            c.modelPath = model ?? fixture.reference()
            c.trackingURI = fixture.trackingURI
            c.modelCacheDirectory = cache()
        }
    }

    /// The health route's `model` object.
    static func served(_ client: some TestClientProtocol) async throws -> [String: Any] {
        try #require(try await client.get("/api/v1/test").json()["model"] as? [String: Any])
    }

    static func registry(_ model: [String: Any]) throws -> [String: Any] {
        try #require(model["registry"] as? [String: Any], "no registry in \(model)")
    }

    func reload(_ client: some TestClientProtocol, _ model: String) async throws -> TestResponse {
        try await client.post("/api/v1/reload_model", JSONValue.object(["model": .string(model)]).text, key: TestServer.adminKey)
    }

    @Test func servesTheChampionExactlyAsTheSameFile() async throws {
        let fixture = try RegistryFixture()
        try await fixture.promote(try await fixture.register(.accidentGBDT))
        let fromFile = try await TestServer.make(.accidentGBDT)
        let requests = [("/api/v1/predict", TestRecords.accident), ("/api/v1/predict?explain=true", TestRecords.minimalAccident),
                        ("/api/v1/predict/batch", "[\(TestRecords.accident), \(TestRecords.minimalAccident)]")]
        let expected = try await fromFile.makeApplication().test(.router) { client async throws -> [String] in
            var answers: [String] = []
            for (uri, body) in requests { answers.append(try await client.post(uri, body).text) }
            return answers
        }
        try await Self.server(fixture).makeApplication().test(.router) { client async throws in
            let model = try await Self.served(client)
            let registry = try Self.registry(model)
            #expect(registry["name"] as? String == fixture.name)
            #expect(registry["version"] as? String == "1")
            #expect(registry["alias"] as? String == "champion")
            #expect(registry["reference"] as? String == fixture.reference())
            #expect(model["checksum"] as? String == (try TestModels.model(.accidentGBDT).fileChecksum))
            for ((uri, body), answer) in zip(requests, expected) {
                #expect(try await client.post(uri, body).text == answer, "\(uri)")
            }
        }
    }

    @Test func aPromotionIsServedAfterAReloadByCall() async throws {
        let fixture = try RegistryFixture()
        try await fixture.promote(try await fixture.register(.accidentLogistic))
        let v2 = try await fixture.register(.accidentGBDT)
        try await Self.server(fixture).makeApplication().test(.router) { client async throws in
            #expect(try Self.registry(try await Self.served(client))["version"] as? String == "1")
            try await fixture.promote(v2)
            let r = try await reload(client, fixture.reference())
            #expect(r.status == .ok, "\(r.text)")
            let model = try await Self.served(client)
            #expect(try Self.registry(model)["version"] as? String == "2")
            #expect(model["checksum"] as? String == (try TestModels.model(.accidentGBDT).fileChecksum))
            let answer = try await client.post("/api/v1/predict", TestRecords.accident).json()
            #expect(answer["model_version"] as? String == (try TestModels.model(.accidentGBDT).version))
            // A fixed version by reference, too.
            #expect(try await reload(client, "models:/\(fixture.name)/1").status == .ok)
            #expect(try Self.registry(try await Self.served(client))["version"] as? String == "1")
        }
    }

    @Test func aFollowerPicksUpAPromotionWithoutBeingCalled() async throws {
        let fixture = try RegistryFixture()
        try await fixture.promote(try await fixture.register(.accidentLogistic))
        let v2 = try await fixture.register(.accidentGBDT)
        let server = try await TestServer.make(loadModel: false) { c in
            c.modelPath = fixture.reference(); c.trackingURI = fixture.trackingURI; c.modelCacheDirectory = Self.cache()
            c.followAlias = true; c.pollInterval = .milliseconds(100)
        }
        let follower = try #require(server.follower)
        #expect(await follower.poll() == .unchanged)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await follower.run() }
            try await fixture.promote(v2)
            let deadline = ContinuousClock.now + .seconds(30)
            while server.state.models.current?.registry?.version != "2" && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            group.cancelAll()
        }
        try await server.makeApplication().test(.router) { client async throws in
            let model = try await Self.served(client)
            #expect(try Self.registry(model)["version"] as? String == "2")
            #expect(try Self.registry(model)["alias"] as? String == "champion")
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains(#"accident_model_reloads_total{result="ok"} 1"#), "\(metrics)")
            #expect(metrics.contains(#"accident_model_alias_polls_total{result="failed"} 0"#))
        }
        #expect(await follower.poll() == .unchanged)
    }

    @Test func aMissingVersionOrAliasIs422AndTheOldModelKeepsServing() async throws {
        let fixture = try RegistryFixture()
        try await fixture.promote(try await fixture.register(.accidentLogistic))
        try await Self.server(fixture).makeApplication().test(.router) { client async throws in
            for reference in ["models:/\(fixture.name)/99", fixture.reference(alias: "nobody"), "models:/\(fixture.name)-absent@champion"] {
                let r = try await reload(client, reference)
                #expect(r.status == .unprocessableContent, "\(reference): \(r.text)")
                #expect(try r.error()["code"] as? String == "model_not_found")
                #expect(try Self.registry(try await Self.served(client))["version"] as? String == "1")
            }
        }
    }

    @Test func aDamagedArtifactIs422AndTheOldModelKeepsServing() async throws {
        let fixture = try RegistryFixture()
        try await fixture.promote(try await fixture.register(.accidentLogistic))
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: try TestModels.path(.accidentGBDT))))
        let checksum = try #require(try TestModels.model(.accidentGBDT).fileChecksum)
        let truncated = try await fixture.register(bytes: Array(good.prefix(good.count / 2)), checksum: checksum)
        var flipped = good
        flipped[flipped.count / 2] ^= 0xFF
        let corrupted = try await fixture.register(bytes: flipped, checksum: checksum)
        let other = try await fixture.register(bytes: try [UInt8](Data(contentsOf: URL(fileURLWithPath: try TestModels.path(.personLogistic)))),
                                               checksum: checksum)
        try await Self.server(fixture).makeApplication().test(.router) { client async throws in
            for version in [truncated, corrupted, other] {
                let r = try await reload(client, "models:/\(fixture.name)/\(version)")
                #expect(r.status == .unprocessableContent, "version \(version): \(r.text)")
                #expect(try r.error()["code"] as? String == "model_damaged", "version \(version): \(r.text)")
                #expect(try Self.registry(try await Self.served(client))["version"] as? String == "1")
            }
        }
    }
}
