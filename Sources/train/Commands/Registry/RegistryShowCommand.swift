import AccidentRegistry
import ArgumentParser

/// `train registry show REF`: one version, reached by alias or number.
struct RegistryShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one version (NAME@ALIAS or NAME/VERSION): aliases, run, source, checksum, metrics.")

    @Argument(help: ArgumentHelp("NAME@ALIAS or NAME/VERSION (models:/ in front is accepted).", valueName: "reference"))
    var reference: String

    @Flag(help: "Print one JSON object (for scripts) instead of the facts.")
    var json = false

    @OptionGroup(title: "Registry") var registry: RegistryOptions

    func run() throws {
        let console = Console.current
        let reference = try RegistryModels.parse(self.reference, requireScheme: false)
        let resolver = try RegistryModels.resolver(registry, console: console, for: "train registry show")
        let details = try AsyncBridge.wait {
            let version = try await resolver.version(of: reference)
            return try await VersionDetails.gather(version, aliases: version.aliases, client: resolver.client)
        }
        console.out.write(json ? try VersionDetails.json(details) : details.text)
    }
}
