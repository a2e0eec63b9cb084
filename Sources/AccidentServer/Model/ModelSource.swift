import AccidentRegistry

/// Where a served model comes from: a model file on this machine or a version in the model registry.
///
/// The one seam between "which model" and "how it is fetched": the start-up model, reloads by call
/// and the alias follower all name a source, and `ServerState.fetch` turns it into a `LoadedModel`.
enum ModelSource: Sendable, Equatable, CustomStringConvertible {
    /// A model file path, as given (confined to the model folder when a client gave it).
    case file(String)
    /// A registry reference, `models:/NAME@ALIAS` or `models:/NAME/VERSION`.
    case registry(ModelReference)

    /// `text` as a registry reference when it starts with `models:/`, else as a file path.
    /// - Throws: `RegistryError.invalidReference` for a `models:/` text that is not a valid reference.
    init(parsing text: String) throws(RegistryError) {
        guard ModelReference.isReference(text) else {
            self = .file(text)
            return
        }
        do { self = .registry(try ModelReference(parsing: text)) } catch let e as RegistryError { throw e } catch {
            throw .invalidReference(text, reason: "\(error)")
        }
    }

    /// The reference, when the source is a registry alias (what `--follow-alias` follows).
    var alias: ModelReference? {
        if case .registry(let reference) = self, reference.alias != nil { return reference }
        return nil
    }

    /// The path or the reference, as the user wrote it.
    var description: String {
        switch self {
        case .file(let path): path
        case .registry(let reference): reference.description
        }
    }
}
