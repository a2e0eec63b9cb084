import AccidentRegistry
import ArgumentParser

/// `train registry promote NAME --version N --alias ALIAS`: points an alias at a version.
struct RegistryPromoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote", abstract: "Point an alias (e.g. champion) at a version; servers following it switch.",
        discussion: "Example: train registry promote accident-severity --version 2 --alias champion")

    @Argument(help: ArgumentHelp("The registered model.", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("The version to promote.", valueName: "n"))
    var version: Int

    @Option(help: ArgumentHelp("The alias to point at it.", valueName: "alias"))
    var alias = "champion"

    @OptionGroup(title: "Registry") var registry: RegistryOptions

    func validate() throws {
        guard version >= 1 else { throw ValidationError("--version must be 1 or more, got \(version).") }
        _ = try RegistryModels.parse("\(name)@\(alias)", requireScheme: false)
    }

    func run() throws {
        let console = Console.current
        let client = try registry.client(console, for: "train registry promote")
        let (name, version, alias) = (name, String(version), alias)
        let previous = try AsyncBridge.wait {
            _ = try await client.modelVersion(name: name, version: version) // 66 when the version does not exist
            let before = try await client.registeredModel(name).aliases.first { $0.alias == alias }?.version
            try await client.setAlias(name: name, alias: alias, version: version)
            return before
        }
        console.out.line("models:/\(name)@\(alias) → version \(version)" + (previous.map { " (was version \($0))" } ?? " (new alias)"))
    }
}
