import AccidentML
import Foundation

/// A registry model ready to use: the verified local file, the loaded model, and which version it is.
public struct ResolvedModel: Sendable {
    /// The reference that was resolved.
    public let reference: ModelReference
    /// The registered model's name.
    public let name: String
    /// The version number (as text, like MLflow's).
    public let version: String
    /// The alias it was reached through, if any.
    public let alias: String?
    /// The model file's CRC-32 (hex), also its name in the cache.
    public let checksum: String
    /// The run the version came from.
    public let runID: String
    /// The verified file in the cache.
    public let path: URL
    /// The loaded model.
    public let model: AccidentModel
    /// Whether the file was downloaded now (false: taken from the cache).
    public let downloaded: Bool
}

/// Resolves `models:/` references: asks the registry which version is meant, takes its
/// `model.aml` from the cache or downloads it through the server, verifies it, and loads it.
public struct ModelResolver: Sendable {
    /// The model file's name in a version's artifacts.
    public static let modelFileName = "model.aml"
    /// The model version tag holding the model file's checksum, set at registration.
    public static let checksumTag = "accidentml.checksum"

    /// The registry.
    public let client: MLflowClient
    /// Where downloaded files are kept.
    public let cache: ModelCache

    /// A resolver over `client` keeping files in `cache`.
    public init(client: MLflowClient, cache: ModelCache) {
        self.client = client
        self.cache = cache
    }

    /// The version `reference` means now; `RegistryError.notFound` when the model, version or alias does not exist.
    public func version(of reference: ModelReference) async throws -> ModelVersion {
        switch reference.selector {
        case .alias(let alias): return try await client.modelVersion(name: reference.name, alias: alias)
        case .version(let v): return try await client.modelVersion(name: reference.name, version: String(v))
        }
    }

    /// Resolves, fetches (unless cached) and verifies the model `reference` names.
    /// - Throws: `RegistryError.notFound` (no such model, version, alias or file),
    ///   `.unavailable` (the registry is down), `.damagedArtifact` (the file fails verification).
    public func resolve(_ reference: ModelReference) async throws -> ResolvedModel {
        let version = try await version(of: reference)
        let recorded = version.tag(Self.checksumTag).flatMap { $0.count == 8 && $0.allSatisfy(\.isHexDigit) ? $0 : nil }
        if let recorded, let hit = cache.load(checksum: recorded) {
            return resolved(reference, version, hit.url, hit.model, downloaded: false)
        }
        let source = version.source + "/" + Self.modelFileName
        let bytes: [UInt8]
        do { bytes = try await client.downloadArtifact(from: version.source, path: Self.modelFileName) } catch RegistryError.notFound(
            let operation, let code, let message) {
            throw RegistryError.notFound(operation: "\(reference) (version \(version.version)): \(operation)", code: code,
                                         message: message)
        }
        do {
            let stored = try cache.store(bytes, expected: recorded)
            return resolved(reference, version, stored.url, stored.model, downloaded: true)
        } catch let error as ModelFileError {
            throw RegistryError.damagedArtifact(reference: "\(reference) (version \(version.version))", source: source,
                                                reason: Self.withoutPath(error))
        } catch let error as ModelCache.ChecksumMismatch {
            throw RegistryError.damagedArtifact(reference: "\(reference) (version \(version.version))", source: source,
                                                reason: error.description)
        }
    }

    private func resolved(_ reference: ModelReference, _ version: ModelVersion, _ url: URL, _ model: AccidentModel,
                          downloaded: Bool) -> ResolvedModel {
        ResolvedModel(reference: reference, name: version.name, version: version.version, alias: reference.alias,
                      checksum: model.fileChecksum ?? "", runID: version.runID, path: url, model: model, downloaded: downloaded)
    }

    /// A model file error's text without the temporary file's path it starts with.
    static func withoutPath(_ error: ModelFileError) -> String {
        let text = error.description
        guard let colon = text.range(of: ".aml: ") else { return text }
        return String(text[colon.upperBound...])
    }
}
