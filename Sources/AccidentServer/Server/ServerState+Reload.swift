import AccidentRegistry
import Logging

extension ServerState {
    /// What asked for a reload, for the log.
    enum ReloadTrigger: String, Sendable {
        /// `POST /api/v1/reload_model`.
        case request
        /// The alias follower saw the alias move (`--follow-alias`).
        case alias
    }

    /// Fetches the model `source` names and swaps it in; on failure the previous model keeps
    /// serving. A file path is confined to the model folder (a client named it). Returns the new
    /// model and the one it replaced.
    func reload(_ source: ModelSource, trigger: ReloadTrigger = .request) async throws(APIError)
        -> (new: LoadedModel, old: LoadedModel?) {
        let loaded: LoadedModel
        do {
            loaded = try await fetch(source, confined: true)
        } catch {
            metrics.recordReload(succeeded: false)
            logger.warning("model reload failed", metadata: [
                "source": .string(ClientText.escaped(source.description)), "trigger": .string(trigger.rawValue),
                "error": .string(ClientText.escaped(error.message, limit: 1000)),
            ])
            throw error
        }
        let old = models.replace(with: loaded)
        metrics.recordReload(succeeded: true)
        logger.notice("model reloaded", metadata: [
            "source": .string(ClientText.escaped(source.description)), "trigger": .string(trigger.rawValue),
            "version": .string(loaded.info.version), "registry_version": .string(loaded.registry?.version ?? "-"),
            "previous_version": .string(old?.info.version ?? "-"),
        ])
        return (loaded, old)
    }

    /// Loads the model `source` names: a file (confined to the model folder when `confined`),
    /// or a registry version resolved, downloaded (unless cached) and verified by the resolver.
    func fetch(_ source: ModelSource, confined: Bool) async throws(APIError) -> LoadedModel {
        switch source {
        case .file(let requested):
            var path = requested
            if confined {
                guard let modelFolder else { throw .modelFolderNotConfigured }
                path = try modelFolder.confine(requested)
            }
            do { return try await Self.load(path, with: loader) } catch { throw .modelLoadFailed(path: requested, error) }
        case .registry(let reference):
            guard let resolver else { throw .registryNotConfigured(reference.description) }
            do {
                return try await Self.load(reference, with: resolver)
            } catch let error as RegistryError {
                throw .registry(error)
            } catch {
                throw .registry(.badResponse(operation: "resolve \(reference)", url: resolver.client.trackingURI,
                                             reason: "\(error)"))
            }
        }
    }
}
