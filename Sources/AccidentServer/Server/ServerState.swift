import AccidentML
import AccidentRegistry
import Dispatch
import Foundation
import Logging

/// What every route shares: configuration, the serving model, metrics, the model loader.
final class ServerState: Sendable {
    let configuration: ServerConfiguration
    let models: ModelSlot
    let metrics = ServerMetrics()
    /// Open connections against the cap, refusals and deadline closes.
    let connections: ConnectionGate
    let loader: BackendLoader
    let keys: APIKeySet
    /// The administrator keys (reloads).
    let adminKeys: APIKeySet
    /// The folder reloads by file path read from, or nil when they are refused.
    let modelFolder: ModelFolder?
    /// Resolves registry references, or nil when no tracking URI is configured.
    let resolver: ModelResolver?
    let startedAt = Stopwatch()
    let logger: Logger
    /// Writes every served prediction to the database, when one is configured.
    let predictionLog: PredictionLogService?

    init(configuration: ServerConfiguration, loader: @escaping BackendLoader, initialModel: LoadedModel?,
         modelFolder: ModelFolder?, resolver: ModelResolver? = nil, logger: Logger) {
        self.configuration = configuration
        self.loader = loader
        self.models = ModelSlot(initialModel)
        self.keys = APIKeySet(configuration.apiKeys)
        self.adminKeys = APIKeySet(configuration.adminKeys)
        self.modelFolder = modelFolder
        self.resolver = resolver
        self.logger = logger
        connections = ConnectionGate(maxConnections: configuration.limits.maxConnections)
        predictionLog = configuration.database.map { PredictionLogService(configuration: $0, log: logger) }
    }

    /// The model for this request, or 503 when none is loaded.
    func currentModel() throws(APIError) -> LoadedModel {
        guard let model = models.current else { throw .modelNotLoaded }
        return model
    }

    /// Runs the (blocking, possibly slow) loader on a Dispatch queue, not on a Swift
    /// concurrency thread that requests need.
    static func load(_ path: String, with loader: @escaping BackendLoader) async throws -> LoadedModel {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { LoadedModel(backend: try loader(path), path: path) })
            }
        }
    }

    /// Resolves `reference` with `resolver` (downloading and verifying the file unless cached)
    /// and serves the model it loaded; throws the resolver's `RegistryError`.
    static func load(_ reference: ModelReference, with resolver: ModelResolver) async throws -> LoadedModel {
        let resolved = try await resolver.resolve(reference)
        return LoadedModel(backend: AccidentModelBackend(model: resolved.model), path: resolved.path.path,
                           registry: RegistryProvenance(resolved))
    }

    /// Seconds since the server state was created.
    var uptimeSeconds: Double { startedAt.seconds }
}
