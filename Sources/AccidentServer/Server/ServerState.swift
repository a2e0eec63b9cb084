import Dispatch
import Foundation
import Logging

/// What every route shares: configuration, the serving model, metrics, the model loader.
final class ServerState: Sendable {
    let configuration: ServerConfiguration
    let models: ModelSlot
    let metrics = ServerMetrics()
    let loader: BackendLoader
    let keys: APIKeySet
    /// The administrator keys (reloads).
    let adminKeys: APIKeySet
    /// The folder reloads by file path read from, or nil when they are refused.
    let modelFolder: ModelFolder?
    let startedAt = ContinuousClock.now
    let logger: Logger
    /// Writes every served prediction to the database, when one is configured.
    let predictionLog: PredictionLogService?

    init(configuration: ServerConfiguration, loader: @escaping BackendLoader, initialModel: LoadedModel?,
         modelFolder: ModelFolder?, logger: Logger) {
        self.configuration = configuration
        self.loader = loader
        self.models = ModelSlot(initialModel)
        self.keys = APIKeySet(configuration.apiKeys)
        self.adminKeys = APIKeySet(configuration.adminKeys)
        self.modelFolder = modelFolder
        self.logger = logger
        predictionLog = configuration.database.map { PredictionLogService(configuration: $0, log: logger) }
    }

    /// The model for this request, or 503 when none is loaded.
    func currentModel() throws(APIError) -> LoadedModel {
        guard let model = models.current else { throw .modelNotLoaded }
        return model
    }

    /// Loads the model file a client named (`requested`, confined to the model folder) off the
    /// request threads and swaps it in; on failure the previous model keeps serving. Returns the
    /// new model and the one it replaced.
    func reload(from requested: String) async throws(APIError) -> (new: LoadedModel, old: LoadedModel?) {
        let loaded: LoadedModel
        do throws(APIError) {
            guard let modelFolder else { throw APIError.modelFolderNotConfigured }
            let path = try modelFolder.confine(requested)
            do { loaded = try await Self.load(path, with: loader) } catch { throw APIError.modelLoadFailed(path: requested, error) }
        } catch {
            metrics.recordReload(succeeded: false)
            logger.warning("model reload failed", metadata: [
                "path": .string(ClientText.escaped(requested)), "error": .string(ClientText.escaped(error.message, limit: 1000)),
            ])
            throw error
        }
        let old = models.replace(with: loaded)
        metrics.recordReload(succeeded: true)
        logger.notice("model reloaded", metadata: [
            "path": .string(ClientText.escaped(loaded.path)), "version": .string(loaded.info.version),
            "previous_version": .string(old?.info.version ?? "-"),
        ])
        return (loaded, old)
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

    /// Seconds since the server state was created.
    var uptimeSeconds: Double {
        let d = ContinuousClock.now - startedAt
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
