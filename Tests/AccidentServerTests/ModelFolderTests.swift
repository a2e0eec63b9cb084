import AccidentML
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

/// A reload by file path reads only below the model folder (`--model-dir`, `MODEL_DIR`).
@Suite("Model folder confinement")
struct ModelFolderTests {
    /// `root/models` (the model folder, holding v2.aml) beside `root/outside.aml` (a real model outside it).
    struct Layout {
        let root: String
        var models: String { root + "/models" }
        var outside: String { root + "/outside.aml" }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("accident-model-dir-\(UUID())").path
            try FileManager.default.createDirectory(atPath: root + "/models/sub", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: try TestModels.path(.accidentGBDT), toPath: root + "/models/v2.aml")
            try FileManager.default.copyItem(atPath: try TestModels.path(.accidentGBDT), toPath: outside)
        }

        func server() async throws -> PredictionServer {
            try await TestServer.make { $0.modelDirectory = models }
        }
    }

    /// Expects a 403 `path_outside_model_dir` that names the folder, and the start-up model still serving.
    func expectRefused(_ client: some TestClientProtocol, _ path: String, folder: String, link: Bool = false) async throws {
        let r = try await client.reload(path: path)
        #expect(r.status == .forbidden, "\(path)")
        let error = try r.error()
        #expect(error["code"] as? String == "path_outside_model_dir", "\(path)")
        #expect(error["field"] as? String == "path")
        let message = try #require(error["message"] as? String)
        #expect(message.contains(folder) && message.contains("--model-dir"), "\(message)")
        #expect(message.contains("symbolic link") == link, "\(message)")
        let served = try await client.post("/api/v1/predict", TestRecords.accident).json()["model_version"] as? String
        #expect(served == (try TestModels.model(.accidentLogistic).version))
    }

    @Test func pathsInsideTheFolderReload() async throws {
        let layout = try Layout()
        try FileManager.default.createSymbolicLink(atPath: layout.models + "/current.aml", withDestinationPath: "v2.aml")
        try await layout.server().makeApplication().test(.router) { client async throws in
            for path in ["v2.aml", "./sub/../v2.aml", layout.models + "/v2.aml", layout.models + "/sub/../v2.aml", "current.aml"] {
                let r = try await client.reload(path: path)
                #expect(r.status == .ok, "\(path): \(r.text)")
            }
        }
    }

    @Test func escapesWithDotDotAreRefused() async throws {
        let layout = try Layout()
        try await layout.server().makeApplication().test(.router) { client async throws in
            for path in ["../outside.aml", "sub/../../outside.aml", layout.models + "/../outside.aml",
                         "../../../../../../../../etc/passwd", "..", "../models"] {
                try await expectRefused(client, path, folder: layout.models)
            }
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains(#"accident_model_reloads_total{result="failed"} 6"#))
        }
    }

    @Test func absolutePathsElsewhereAreRefused() async throws {
        let layout = try Layout()
        try await layout.server().makeApplication().test(.router) { client async throws in
            for path in [layout.outside, "/etc/passwd", "/", layout.root + "/models-sibling/v2.aml", layout.models] {
                try await expectRefused(client, path, folder: layout.models)
            }
        }
    }

    @Test func symbolicLinksLeadingOutAreRefused() async throws {
        let layout = try Layout()
        try FileManager.default.createSymbolicLink(atPath: layout.models + "/evil.aml", withDestinationPath: layout.outside)
        try FileManager.default.createSymbolicLink(atPath: layout.models + "/up", withDestinationPath: "..")
        try await layout.server().makeApplication().test(.router) { client async throws in
            try await expectRefused(client, "evil.aml", folder: layout.models, link: true)
            try await expectRefused(client, "up/outside.aml", folder: layout.models, link: true)
            try await expectRefused(client, layout.models + "/up/outside.aml", folder: layout.models, link: true)
        }
    }

    @Test func aFolderReachedThroughALinkStillConfines() async throws {
        let layout = try Layout()
        let link = layout.root + "/models-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: layout.models)
        let server = try await TestServer.make { $0.modelDirectory = link }
        try await server.makeApplication().test(.router) { client async throws in
            try await expectRefused(client, link + "/../outside.aml", folder: link)
            #expect(try await client.reload(path: link + "/v2.aml").status == .ok)
            #expect(try await client.reload(path: layout.models + "/v2.aml").status == .ok)
        }
    }

    @Test func aMissingFileInsideIs422AndClientTextIsEscaped() async throws {
        let layout = try Layout()
        try await layout.server().makeApplication().test(.router) { client async throws in
            let r = try await client.reload(path: "missing\nforged log line.aml")
            #expect(r.status == .unprocessableContent)
            let message = try #require(try r.error()["message"] as? String)
            #expect(message.contains(#"missing\nforged log line.aml"#) && !message.contains("\n"), "\(message)")
            let long = try await client.reload(path: String(repeating: "a", count: 5000))
            #expect(try #require(try long.error()["message"] as? String).count < 1000)
        }
    }

    @Test func withoutAFolderReloadsByPathAreRefused() async throws {
        let server = try await TestServer.make { $0.modelDirectory = nil }
        try await server.makeApplication().test(.router) { client async throws in
            let r = try await client.reload(path: try TestModels.path(.accidentGBDT))
            #expect(r.status == .forbidden)
            #expect(try r.error()["code"] as? String == "model_dir_not_configured")
        }
    }

    @Test func theFolderDefaultsToTheStartupModelsAndMustExist() async throws {
        let key = TestServer.key
        var overrides = ServerConfiguration.Overrides()
        overrides.modelPath = "/srv/models/champion.aml"
        #expect(try ServerConfiguration.resolve(environment: ["API_KEYS": key], overrides: overrides).modelDirectory == "/srv/models")
        #expect(try ServerConfiguration.resolve(environment: ["API_KEYS": key, "MODEL_DIR": "/env"], overrides: overrides)
            .modelDirectory == "/env")
        overrides.modelDirectory = "/flag"
        #expect(try ServerConfiguration.resolve(environment: ["API_KEYS": key, "MODEL_DIR": "/env"], overrides: overrides)
            .modelDirectory == "/flag")
        #expect(try ServerConfiguration.resolve(environment: ["API_KEYS": key], overrides: .init()).modelDirectory == nil)

        let layout = try Layout()
        for unusable in [layout.root + "/nope", layout.outside] {
            await #expect(throws: ConfigurationError.self) {
                _ = try await TestServer.make { $0.modelDirectory = unusable }
            }
        }
    }

    @Test func normalisationIsLexical() {
        #expect(ModelFolder.normalised("/a/./b//c/../d") == "/a/b/d")
        #expect(ModelFolder.normalised("/../../x") == "/x")
        #expect(ModelFolder.normalised("/a/b/..") == "/a")
        #expect(ModelFolder.isBelow("/a/b", "/a") && !ModelFolder.isBelow("/ab", "/a") && !ModelFolder.isBelow("/a", "/a"))
    }
}
