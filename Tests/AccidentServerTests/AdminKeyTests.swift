import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

/// Reloading is an administrator's act: administrator keys (`ADMIN_API_KEYS`) apart from prediction keys.
@Suite("Administrator keys")
struct AdminKeyTests {
    @Test func predictionKeyIs403OnReloadAndTheModelStays() async throws {
        let v1 = try TestModels.model(.accidentLogistic).version
        try await TestServer.make().makeApplication().test(.router) { client async throws in
            let r = try await client.reload(path: try TestModels.path(.accidentGBDT), key: TestServer.key)
            #expect(r.status == .forbidden)
            let error = try r.error()
            #expect(error["code"] as? String == "admin_key_required")
            #expect((error["message"] as? String)?.contains("ADMIN_API_KEYS") == true)
            #expect(try await client.get("/api/v1/test").json()["model"].flatMap { ($0 as? [String: Any])?["version"] as? String } == v1)
            #expect(try await client.get("/metrics").text.contains(#"accident_model_reloads_total{result="ok"} 0"#))
        }
    }

    @Test func noKeyOrAWrongKeyIs401OnReload() async throws {
        try await TestServer.make().makeApplication().test(.router) { client async throws in
            let path = try TestModels.path(.accidentGBDT)
            #expect(try await client.reload(path: path, key: nil).error()["code"] as? String == "missing_api_key")
            for wrong in [TestServer.adminKey + "x", String(TestServer.adminKey.dropLast()), "not-a-key-at-all-0000"] {
                let r = try await client.reload(path: path, key: wrong)
                #expect(r.status == .unauthorized, "\(wrong)")
                #expect(try r.error()["code"] as? String == "invalid_api_key")
            }
        }
    }

    @Test func administratorKeyReloadsButDoesNotPredict() async throws {
        try await TestServer.make().makeApplication().test(.router) { client async throws in
            #expect(try await client.reload(path: try TestModels.path(.accidentGBDT)).status == .ok)
            let predict = try await client.post("/api/v1/predict", TestRecords.accident, key: TestServer.adminKey)
            #expect(predict.status == .unauthorized)
            #expect(try await client.post("/api/v1/predict", TestRecords.accident).status == .ok)
        }
    }

    @Test func withoutAdministratorKeysReloadIsRefusedAndSaysHowToAllowIt() async throws {
        let server = try await TestServer.make { $0.adminKeys = [] }
        try await server.makeApplication().test(.router) { client async throws in
            let r = try await client.reload(path: try TestModels.path(.accidentGBDT), key: TestServer.key)
            #expect(r.status == .forbidden)
            #expect((try r.error()["message"] as? String)?.contains("ADMIN_API_KEY_FILE") == true)
            #expect(try await client.reload(path: try TestModels.path(.accidentGBDT)).status == .unauthorized)
        }
    }

    @Test func keysFromTheAdministratorKeyFileAreAccepted() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("accident-admin-keys-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("admin-keys").path
        try "# operators\nadmin-file-key-aaaaaaaaaa\n".write(toFile: file, atomically: true, encoding: .utf8)
        var overrides = ServerConfiguration.Overrides()
        overrides.port = 0
        overrides.modelPath = try TestModels.path(.accidentLogistic)
        overrides.adminKeyFile = file
        let configuration = try ServerConfiguration.resolve(environment: ["API_KEYS": TestServer.key], overrides: overrides)
        let server = try await PredictionServer(configuration: configuration, loader: AccidentModelBackend.load,
                                                logger: TestServer.quietLogger)
        try await server.makeApplication().test(.router) { client async throws in
            #expect(try await client.reload(path: "accidentGBDT.aml", key: "admin-file-key-aaaaaaaaaa").status == .ok)
            #expect(try await client.reload(path: "accidentGBDT.aml", key: TestServer.key).status == .forbidden)
        }
    }

    @Test func openAPIAndDocsSayTheReloadNeedsAnAdministratorKey() async throws {
        try await TestServer.make().makeApplication().test(.router) { client async throws in
            let document = try await client.get("/api/openapi.json").json()
            let reload = try #require(((document["paths"] as? [String: Any])?["/api/v1/reload_model"] as? [String: Any])?["post"]
                as? [String: Any])
            #expect((reload["security"] as? [[String: Any]])?.first?["AdminApiKey"] != nil)
            #expect((reload["responses"] as? [String: Any])?["403"] != nil)
            #expect(try await client.get("/api/docs").text.contains("administrator key"))
        }
    }
}
