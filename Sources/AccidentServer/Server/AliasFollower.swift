import AccidentRegistry
import Logging
import ServiceLifecycle

/// Follows a registry alias (`--follow-alias`): every `interval` it asks the registry which version
/// the alias points at, and when that is not the version serving, reloads through the alias.
///
/// So any number of stateless replicas pick up a promotion without being called. A failed poll
/// (registry down, version gone, damaged file) is logged and counted in `/metrics`, and the
/// previous model keeps serving; the next poll tries again. Stops on graceful shutdown.
struct AliasFollower: Service {
    let state: ServerState
    let resolver: ModelResolver
    /// The followed reference, `models:/NAME@ALIAS`.
    let reference: ModelReference
    let interval: Duration

    /// What one poll did.
    enum Outcome: Equatable, Sendable {
        /// The alias points at the version serving.
        case unchanged
        /// The alias moved, and its new version now serves.
        case reloaded(version: String)
        /// The registry could not be asked, or the new version could not be loaded.
        case failed
    }

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown { [interval] in try await Task.sleep(for: interval) }
            } catch {
                return
            }
            guard !Task.isShuttingDownGracefully && !Task.isCancelled else { return }
            _ = await poll()
        }
    }

    /// Asks the registry once, and reloads when the alias moved.
    func poll() async -> Outcome {
        let target: ModelVersion
        do {
            target = try await resolver.version(of: reference)
        } catch {
            return failed("alias poll failed: the registry could not be asked", error: "\(error)")
        }
        let served = state.models.current?.registry
        if served?.name == target.name && served?.version == target.version {
            state.metrics.recordAliasPoll(succeeded: true)
            return .unchanged
        }
        do {
            let (new, _) = try await state.reload(.registry(reference), trigger: .alias)
            state.metrics.recordAliasPoll(succeeded: true)
            return .reloaded(version: new.registry?.version ?? target.version)
        } catch {
            return failed("alias poll failed: the new version could not be loaded", error: error.message)
        }
    }

    private func failed(_ message: Logger.Message, error: String) -> Outcome {
        state.metrics.recordAliasPoll(succeeded: false)
        state.logger.warning(message, metadata: [
            "reference": .string(reference.description), "error": .string(ClientText.escaped(error, limit: 1000)),
            "serving_version": .string(state.models.current?.registry?.version ?? "-"),
        ])
        return .failed
    }
}
