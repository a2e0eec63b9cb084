import AccidentML
import ArgumentParser

/// The `train` tool: fits, evaluates and inspects AccidentML models.
@main
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train and evaluate AccidentML severity models."
    )

    func run() throws {
        print("train: not yet implemented")
    }
}
