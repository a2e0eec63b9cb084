import AccidentML
import AccidentRegistry
import ArgumentParser
import Foundation

/// `train registry download REF --output FILE`: the verified model file of a version.
struct RegistryDownloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "download", abstract: "Download a version's model.aml (verified, through the cache) to a file.",
        discussion: "Example: train registry download accident-severity@champion --output champion.aml")

    @Argument(help: ArgumentHelp("NAME@ALIAS or NAME/VERSION (models:/ in front is accepted).", valueName: "reference"))
    var reference: String

    @Option(help: ArgumentHelp("The file to write.", valueName: "file"))
    var output: String

    @OptionGroup(title: "Registry") var registry: RegistryOptions

    func run() throws {
        let console = Console.current
        let url = console.url(output)
        try RunFolder.checkCreatable(url)
        let clock = Stopwatch()
        let resolved = try RegistryModels.resolve(reference, registry: registry, console: console, requireScheme: false)
        let seconds = clock.seconds
        do { try Data(contentsOf: resolved.path).write(to: url, options: .atomic) } catch {
            throw CLIError.cannotCreate(url.path, RunFolder.reason(error))
        }
        console.out.write(Summary.facts([
            ("model", "models:/\(resolved.name)/\(resolved.version)" + (resolved.alias.map { " (@\($0))" } ?? "")),
            ("checksum", "\(resolved.checksum) ok (verified)"),
            ("file", console.display(url)),
            ("time", String(format: "%.1f ms", seconds * 1000)
                + (resolved.downloaded ? " (resolve, download, verify)" : " (resolve, verify the cached file)")),
        ]))
    }
}
