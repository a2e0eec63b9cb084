import AccidentML
import AccidentRegistry
import ArgumentParser

/// `train registry list NAME`: every version of a registered model with its aliases and metrics.
struct RegistryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the versions of a registered model with their aliases and final metrics.")

    @Argument(help: ArgumentHelp("The registered model, e.g. accident-severity.", valueName: "name"))
    var name: String

    @Flag(help: "Print one JSON array (for scripts) instead of the table.")
    var json = false

    @OptionGroup(title: "Registry") var registry: RegistryOptions

    func run() throws {
        let console = Console.current
        let client = try registry.client(console, for: "train registry list")
        let (name, json) = (name, json)
        let versions = try AsyncBridge.wait {
            let model = try await client.registeredModel(name)
            var details: [VersionDetails] = []
            for v in try await client.modelVersions(name: name) {
                let aliases = model.aliases.filter { $0.version == v.version }.map(\.alias)
                details.append(try await VersionDetails.gather(v, aliases: aliases, client: client))
            }
            return details
        }
        if json { console.out.write(try VersionDetails.json(versions)); return }
        let keys = Array(Set(versions.flatMap { $0.metrics.keys }).filter { $0.hasPrefix("validation_") }).sorted()
        let table = Table(header: ["version", "aliases", "checksum", "run"] + keys, rows: versions.map { v in
            [v.version, v.aliases.joined(separator: ","), v.checksum ?? "-", String(v.runID.prefix(12))]
                + keys.map { v.metrics[$0].map { Format.metric($0) } ?? "-" }
        })
        console.out.write(versions.isEmpty ? "\(name): no versions yet\n" : table.rendered())
    }
}
