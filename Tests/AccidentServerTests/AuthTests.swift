import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

@Suite("API keys")
struct AuthTests {
    static let securedRoutes = ["/api/v1/predict", "/api/v1/predict/batch", "/api/v1/reload_model"]

    @Test(arguments: securedRoutes)
    func missingKeyIs401(route: String) async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let r = try await client.post(route, "{}", key: nil)
            #expect(r.status == .unauthorized)
            #expect(try r.error()["code"] as? String == "missing_api_key")
        }
    }

    @Test(arguments: securedRoutes)
    func wrongKeyIs401(route: String) async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            for wrong in [TestServer.key + "x", String(TestServer.key.dropLast()), "", "test-key-0123456789abcdeF"] {
                let r = try await client.post(route, "{}", key: wrong)
                #expect(r.status == .unauthorized, "\(wrong)")
                #expect(try r.error()["code"] as? String == "invalid_api_key")
            }
        }
    }

    @Test func rightKeyIsAccepted() async throws {
        try await TestServer.make().makeApplication().test(.router) { client async throws in
            #expect(try await client.post("/api/v1/predict", TestRecords.accident).status == .ok)
            #expect(try await client.post("/api/v1/predict/batch", "[]").status == .ok)
        }
    }

    @Test func keysFromAKeyFileAreAccepted() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("accident-keys-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("keys").path
        try "# dispatch\nfile-key-aaaaaaaaaaaaaaaa\nfile-key-bbbbbbbbbbbbbbbb\n".write(toFile: file, atomically: true, encoding: .utf8)
        var overrides = ServerConfiguration.Overrides()
        overrides.port = 0
        overrides.modelPath = try TestModels.path(.accidentLogistic)
        overrides.apiKeyFile = file
        let configuration = try ServerConfiguration.resolve(environment: [:], overrides: overrides)
        let server = try await PredictionServer(configuration: configuration, loader: AccidentModelBackend.load,
                                                logger: TestServer.quietLogger)
        try await server.makeApplication().test(.router) { client async throws in
            #expect(try await client.post("/api/v1/predict", TestRecords.accident, key: "file-key-bbbbbbbbbbbbbbbb").status == .ok)
            #expect(try await client.post("/api/v1/predict", TestRecords.accident, key: "# dispatch").status == .unauthorized)
            #expect(try await client.post("/api/v1/predict", TestRecords.accident).status == .unauthorized)
        }
    }

    @Test func openRoutesNeedNoKey() async throws {
        try await TestServer.make().makeApplication().test(.router) { client async throws in
            for route in ["/api/v1/test", "/api/openapi.json", "/api/docs", "/metrics"] {
                #expect(try await client.get(route).status == .ok, "\(route)")
            }
        }
    }

    @Test func insecureModeNeedsNoKey() async throws {
        let server = try await TestServer.make { $0.apiKeys = []; $0.allowsUnauthenticated = true }
        try await server.makeApplication().test(.router) { client async throws in
            #expect(try await client.post("/api/v1/predict", TestRecords.accident, key: nil).status == .ok)
        }
    }
}
