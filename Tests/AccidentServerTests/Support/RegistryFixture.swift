import AccidentML
import AccidentRegistry
import AccidentTestSupport
import Foundation
import Testing

/// A registered model of its own in the test MLflow server (`ACCIDENTML_MLFLOW_URI`), whose
/// versions are the test model files, logged as `train fit --register` does: a run with
/// `model.aml` as artifact, a version from it tagged with the file's checksum.
struct RegistryFixture {
    let client: MLflowClient
    /// A fresh name per fixture, so tests never see each other's versions.
    let name = "server-test-\(UUID().uuidString.prefix(8).lowercased())"

    init() throws {
        client = try MLflowClient(trackingURI: try TestEnvironment.requireMLflowURI(), timeout: .seconds(30),
                                  retryDeadline: .seconds(5))
    }

    var trackingURI: String { client.trackingURI }

    /// `models:/NAME@alias`.
    func reference(alias: String = "champion") -> String { "\(ModelReference.scheme)\(name)@\(alias)" }

    /// Registers the bytes `bytes` (a model file, or a damaged one) as the next version; the
    /// checksum tag records `checksum` (the good file's). Returns the version number.
    @discardableResult
    func register(bytes: [UInt8], checksum: String) async throws -> String {
        let experiment = try await client.experiment(ensuring: "accident-server-tests")
        let run = try await client.createRun(experimentID: experiment.experimentID, name: name)
        try await client.uploadArtifact(bytes, to: run.artifactURI, path: ModelResolver.modelFileName)
        _ = try await client.registeredModel(ensuring: name)
        let version = try await client.createModelVersion(name: name, source: run.artifactURI, runID: run.runID,
                                                          tags: [KeyValue(ModelResolver.checksumTag, checksum)])
        return version.version
    }

    /// Registers a test model file as the next version.
    @discardableResult
    func register(_ file: TestModels.File) async throws -> String {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: try TestModels.path(file))))
        return try await register(bytes: bytes, checksum: try #require(try TestModels.model(file).fileChecksum))
    }

    /// Points `alias` at `version` (a promotion).
    func promote(_ version: String, alias: String = "champion") async throws {
        try await client.setAlias(name: name, alias: alias, version: version)
    }
}
