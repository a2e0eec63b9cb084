import AccidentML
import ArgumentParser
import Foundation

/// `train inspect`: what a model file holds, after checking it completely.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what a model file holds: kind, unit, features, classes, hyperparameters, metrics, data.",
        discussion: "The whole file is read and its checksum verified; a damaged file fails with exit status 65.")

    @Argument(help: ArgumentHelp("The model file (model.aml), or a registry reference models:/NAME@ALIAS or models:/NAME/VERSION.",
                                 valueName: "model"))
    var model: String

    @OptionGroup(title: "Registry") var registry: RegistryOptions

    @Flag(help: "Print one JSON object (for scripts) instead of the tables.")
    var json = false

    func run() throws {
        let console = Console.current
        let (loaded, url) = try ModelLoader.load(model, registry: registry, console: console)
        let details = ModelDetails(model: loaded, url: url, console: console)
        console.out.write(json ? String(decoding: try details.jsonData(), as: UTF8.self) + "\n" : details.text)
    }
}

/// Loads model files for the commands that take `--model`.
enum ModelLoader {
    /// Loads and checks a model file; 66 when absent, 65 when damaged or incompatible.
    static func load(_ url: URL, console: Console) throws -> AccidentModel {
        try InputPath.require(url, isFolder: false, flag: "model file", console: console,
                              fix: "give a model.aml written by `train fit` (e.g. runs/default/model.aml).")
        return try AccidentModel.load(from: url)
    }
}
