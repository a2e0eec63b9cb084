import AccidentML
import AccidentTestSupport
import Foundation
import Testing
@testable import AccidentRegistry

/// `models:/` references resolve to a verified file in the checksum-keyed cache.
@Suite(.requiresMLflow) struct ModelResolverTests {
    /// Registers `bytes` as `model.aml` of a new run and version of `name`, tagged with `checksum`.
    static func register(_ bytes: [UInt8], name: String, checksum: String?, client: MLflowClient) async throws -> ModelVersion {
        let experiment = try await client.experiment(ensuring: "resolver-tests")
        let run = try await client.createRun(experimentID: experiment.experimentID, name: name)
        try await client.uploadArtifact(bytes, to: run.artifactURI, path: "model.aml")
        _ = try await client.registeredModel(ensuring: name)
        return try await client.createModelVersion(name: name, source: run.artifactURI, runID: run.runID,
                                                   tags: checksum.map { [KeyValue(ModelResolver.checksumTag, $0)] } ?? [])
    }

    @Test func aliasAndVersionResolveToTheSameVerifiedFile() async throws {
        let folder = try TemporaryFolder()
        let (model, url) = try TestModels.written(in: folder)
        let bytes = Array(try Data(contentsOf: url))
        let client = try TestModels.client()
        let name = TestModels.unique("resolve")
        let v1 = try await Self.register(bytes, name: name, checksum: model.fileChecksum, client: client)
        try await client.setAlias(name: name, alias: "champion", version: v1.version)
        let resolver = ModelResolver(client: client, cache: ModelCache(folder: folder.url.appendingPathComponent("cache")))

        let byAlias = try await resolver.resolve(ModelReference(parsing: "models:/\(name)@champion"))
        #expect(byAlias.name == name && byAlias.version == "1" && byAlias.alias == "champion" && byAlias.runID == v1.runID)
        #expect(byAlias.checksum == model.fileChecksum && byAlias.path.lastPathComponent == "\(byAlias.checksum).aml")
        #expect(Array(try Data(contentsOf: byAlias.path)) == bytes)
        #expect(byAlias.model.metadata == model.metadata)
        let byVersion = try await resolver.resolve(ModelReference(parsing: "models:/\(name)/1"))
        #expect(byVersion.path == byAlias.path && byVersion.alias == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: resolver.cache.folder.path) == ["\(byAlias.checksum).aml"])
    }

    @Test func aCachedFileIsUsedWithoutDownloadAndADamagedOneIsReplaced() async throws {
        let folder = try TemporaryFolder()
        let (model, url) = try TestModels.written(in: folder)
        let client = try TestModels.client()
        let name = TestModels.unique("cache")
        _ = try await Self.register(Array(try Data(contentsOf: url)), name: name, checksum: model.fileChecksum, client: client)
        let cache = ModelCache(folder: folder.url.appendingPathComponent("cache"))
        let first = try await ModelResolver(client: client, cache: cache).resolve(ModelReference(name: name, selector: .version(1)))
        // The artifact now differs on the server: a cache hit never sees it.
        let run = try await client.run(first.runID)
        try await client.uploadArtifact(Array("not a model".utf8), to: run.info.artifactURI, path: "model.aml")
        let hit = try await ModelResolver(client: client, cache: cache).resolve(ModelReference(name: name, selector: .version(1)))
        #expect(hit.path == first.path && hit.checksum == model.fileChecksum)
        // A cache file damaged on disk is dropped and downloaded again, which now fails clearly.
        var damaged = Array(try Data(contentsOf: first.path))
        damaged[damaged.count / 2] ^= 0xFF
        try Data(damaged).write(to: first.path)
        await #expect {
            _ = try await ModelResolver(client: client, cache: cache).resolve(ModelReference(name: name, selector: .version(1)))
        } throws: { error in
            guard case .damagedArtifact(let reference, let source, let reason) = error as? RegistryError else { return false }
            return reference.contains("models:/\(name)/1") && source.hasSuffix("/model.aml") && reason.contains("not an AccidentML model file")
        }
        #expect(!FileManager.default.fileExists(atPath: first.path.path))
    }

    @Test func aDamagedArtifactIsAClearErrorAndNothingIsCached() async throws {
        let folder = try TemporaryFolder()
        let (model, url) = try TestModels.written(in: folder)
        var bytes = Array(try Data(contentsOf: url))
        bytes[bytes.count / 3] ^= 0x01
        let client = try TestModels.client()
        let name = TestModels.unique("damaged")
        _ = try await Self.register(bytes, name: name, checksum: model.fileChecksum, client: client)
        let cache = ModelCache(folder: folder.url.appendingPathComponent("cache"))
        let error = await #expect(throws: RegistryError.self) {
            _ = try await ModelResolver(client: client, cache: cache).resolve(ModelReference(name: name, selector: .version(1)))
        }
        guard case .damagedArtifact(_, _, let reason)? = error else { Issue.record("expected damagedArtifact, got \(String(describing: error))"); return }
        #expect(reason.contains("checksum mismatch") && !reason.contains(".download-"))
        #expect(error?.description.contains("train fit --register") == true)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: cache.folder.path)) ?? [] == [])
    }

    @Test func aValidFileThatIsNotTheRegisteredOneIsRefused() async throws {
        let folder = try TemporaryFolder()
        let (model, _) = try TestModels.written(in: folder, seed: 6)
        let (_, other) = try TestModels.written(in: folder, seed: 7, name: "other.aml")
        let client = try TestModels.client()
        let name = TestModels.unique("swapped")
        _ = try await Self.register(Array(try Data(contentsOf: other)), name: name, checksum: model.fileChecksum, client: client)
        let error = await #expect(throws: RegistryError.self) {
            _ = try await ModelResolver(client: client, cache: ModelCache(folder: folder.url.appendingPathComponent("cache")))
                .resolve(ModelReference(name: name, selector: .version(1)))
        }
        #expect(error?.description.contains("recorded when the version was registered") == true)
    }

    @Test func missingAliasVersionOrFileIsNotFound() async throws {
        let folder = try TemporaryFolder()
        let client = try TestModels.client()
        let name = TestModels.unique("missing")
        let experiment = try await client.experiment(ensuring: "resolver-tests")
        let run = try await client.createRun(experimentID: experiment.experimentID, name: name)
        _ = try await client.registeredModel(ensuring: name)
        _ = try await client.createModelVersion(name: name, source: run.artifactURI, runID: run.runID)
        let resolver = ModelResolver(client: client, cache: ModelCache(folder: folder.url))
        for text in ["models:/\(name)@champion", "models:/\(name)/2", "models:/\(name)/1", "models:/\(TestModels.unique("none"))/1"] {
            await #expect(performing: { _ = try await resolver.resolve(ModelReference(parsing: text)) }, throws: { error in
                if case .notFound? = error as? RegistryError { return true }
                return false
            })
        }
    }
}
