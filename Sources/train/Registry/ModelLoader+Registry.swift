import AccidentML
import AccidentRegistry
import Foundation

extension ModelLoader {
    /// Loads a model file, or resolves a `models:/NAME@ALIAS` / `models:/NAME/VERSION` reference
    /// through the registry (downloaded to the checksum-keyed cache, verified); returns the
    /// model and its local file.
    static func load(_ text: String, registry: RegistryOptions, console: Console) throws -> (model: AccidentModel, url: URL) {
        guard ModelReference.isReference(text) else {
            let url = console.url(text)
            return (try load(url, console: console), url)
        }
        let resolved = try RegistryModels.resolve(text, registry: registry, console: console)
        return (resolved.model, resolved.path)
    }
}

/// The registry as the commands use it: references parsed as usage errors, the default cache.
enum RegistryModels {
    /// Resolves `text` (`models:/...`, or with `requireScheme: false` also `NAME@ALIAS`, `NAME/VERSION`).
    static func resolve(_ text: String, registry: RegistryOptions, console: Console,
                        requireScheme: Bool = true) throws -> ResolvedModel {
        let reference = try parse(text, requireScheme: requireScheme)
        let resolver = try resolver(registry, console: console, for: text)
        return try AsyncBridge.wait { try await resolver.resolve(reference) }
    }

    /// A reference, or a usage error saying the two forms.
    static func parse(_ text: String, requireScheme: Bool = true) throws -> ModelReference {
        do { return try ModelReference(parsing: text, requireScheme: requireScheme) } catch { throw CLIError.usage("\(error)") }
    }

    /// A resolver over the registry the options name, caching in `ModelCache.defaultFolder`.
    static func resolver(_ registry: RegistryOptions, console: Console, for what: String) throws -> ModelResolver {
        ModelResolver(client: try registry.client(console, for: what),
                      cache: ModelCache(folder: ModelCache.defaultFolder(environment: console.environment)))
    }
}
