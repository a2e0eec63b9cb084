import AccidentRegistry
import ArgumentParser

/// `train registry tag --run-id RUN KEY=VALUE...`: tags a run (e.g. `validated=true` from a pipeline).
struct RegistryTagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag", abstract: "Set tags on a run.", discussion: "Example: train registry tag --run-id 3f2a... validated=true")

    @Option(name: .customLong("run-id"), help: ArgumentHelp("The MLflow run.", valueName: "run"))
    var runID: String

    @Argument(help: ArgumentHelp("Tags to set.", valueName: "key=value"))
    var tags: [String]

    @OptionGroup(title: "Registry") var registry: RegistryOptions

    func validate() throws {
        guard !tags.isEmpty else { throw ValidationError("give at least one KEY=VALUE tag.") }
        for tag in tags where (tag.firstIndex(of: "=").map { $0 == tag.startIndex } ?? true) {
            throw ValidationError("'\(tag)' is not KEY=VALUE.")
        }
    }

    func run() throws {
        let console = Console.current
        let client = try registry.client(console, for: "train registry tag")
        let pairs = tags.map { tag in
            let eq = tag.firstIndex(of: "=")!
            return KeyValue(String(tag[..<eq]), String(tag[tag.index(after: eq)...]))
        }
        let runID = runID
        try AsyncBridge.wait { try await client.logBatch(runID: runID, tags: pairs) }
        console.out.line("tagged run \(runID): " + pairs.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
    }
}
