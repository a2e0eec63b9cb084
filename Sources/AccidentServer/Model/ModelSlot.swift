import AccidentML
/// The model currently serving, swapped atomically by reloads.
///
/// A request calls `current` once and keeps that snapshot: requests in flight during a
/// reload finish on the model they started with, and the next request sees the new one.
final class ModelSlot: Sendable {
    private let model: Locked<LoadedModel?>

    init(_ model: LoadedModel?) { self.model = Locked(model) }

    /// The model serving now, or nil before any model was loaded.
    var current: LoadedModel? { model.withLock { $0 } }

    /// Installs `newModel` and returns the one it replaces.
    @discardableResult
    func replace(with newModel: LoadedModel) -> LoadedModel? {
        model.withLock { old in
            defer { old = newModel }
            return old
        }
    }
}
