/// A model in the registry: `models:/NAME@ALIAS` (whatever version the alias points at now) or
/// `models:/NAME/VERSION` (one fixed version).
public struct ModelReference: Hashable, Sendable, CustomStringConvertible {
    /// How the version is chosen.
    public enum Selector: Hashable, Sendable {
        /// The version an alias points at (e.g. `champion`).
        case alias(String)
        /// A version number (1, 2, ...).
        case version(Int)
    }

    /// The registered model's name, e.g. `accident-severity`.
    public let name: String
    /// The alias or version.
    public let selector: Selector

    /// The URI prefix of references.
    public static let scheme = "models:/"

    /// Creates a reference from its parts.
    public init(name: String, selector: Selector) {
        precondition(!name.isEmpty, "a registered model has a name")
        self.name = name
        self.selector = selector
    }

    /// Parses `models:/NAME@ALIAS` or `models:/NAME/VERSION`; with `requireScheme: false` also the
    /// short forms `NAME@ALIAS` and `NAME/VERSION` (the `train registry` commands' arguments).
    public init(parsing text: String, requireScheme: Bool = true) throws {
        var body = Substring(text)
        if body.hasPrefix(Self.scheme) {
            body = body.dropFirst(Self.scheme.count)
        } else if requireScheme {
            throw RegistryError.invalidReference(text, reason: "it does not start with \(Self.scheme)")
        }
        if let at = body.lastIndex(of: "@") {
            let name = body[..<at], alias = body[body.index(after: at)...]
            guard !name.isEmpty, !name.contains("/") else {
                throw RegistryError.invalidReference(text, reason: "the model name before '@' is empty or contains '/'")
            }
            guard !alias.isEmpty, alias.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                throw RegistryError.invalidReference(text, reason: "the alias after '@' must be letters, digits, '_' or '-'")
            }
            self.init(name: String(name), selector: .alias(String(alias)))
            return
        }
        let parts = body.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else {
            throw RegistryError.invalidReference(text, reason: "it names neither an alias (NAME@ALIAS) nor a version (NAME/VERSION)")
        }
        guard let version = Int(parts[1]), version >= 1 else {
            throw RegistryError.invalidReference(text, reason: "the version '\(parts[1])' is not a whole number from 1")
        }
        self.init(name: String(parts[0]), selector: .version(version))
    }

    /// Whether `text` is meant as a registry reference (starts with `models:/`) rather than a file path.
    public static func isReference(_ text: String) -> Bool { text.hasPrefix(scheme) }

    /// The alias, when the reference names one.
    public var alias: String? {
        if case .alias(let a) = selector { return a }
        return nil
    }

    /// `models:/NAME@ALIAS` or `models:/NAME/VERSION`.
    public var description: String {
        switch selector {
        case .alias(let a): return "\(Self.scheme)\(name)@\(a)"
        case .version(let v): return "\(Self.scheme)\(name)/\(v)"
        }
    }
}
