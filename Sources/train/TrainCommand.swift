import AccidentML
import ArgumentParser
import Foundation

/// The `train` tool: trains, evaluates, inspects and applies AccidentML severity models.
///
/// Without a subcommand it runs `train default`: the default model on `data/default/`.
@main
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train, evaluate, inspect and apply AccidentML road-accident severity models.",
        discussion: """
            With no subcommand, runs `train default`: trains the default model on the embedded \
            synthetic data in data/default/ and writes runs/default/.

            Exit status: 0 success, 64 bad flags, 65 unusable data or model file, 66 missing input, \
            69 database or MLflow server unavailable, 70 internal error, 73 output not writable.
            """,
        version: accidentMLVersion,
        subcommands: [DefaultCommand.self, FitCommand.self, EvaluateCommand.self, PredictCommand.self,
                      InspectCommand.self, GenerateCommand.self, IngestCommand.self, ValidateCommand.self,
                      PredictRecordCommand.self, RegistryCommand.self],
        defaultSubcommand: DefaultCommand.self)
}

extension TrainCommand {
    /// Parses and runs `arguments` against `console`; returns the exit status. Help goes to
    /// stdout; any failure is one line on stderr (`train: error: ...`), never a stack trace.
    static func execute(_ arguments: [String], console: Console) -> Int32 {
        Console.$current.withValue(console) {
            do {
                var command = try parseAsRoot(arguments)
                try command.run()
                return 0
            } catch {
                return report(error, arguments: arguments, console: console)
            }
        }
    }

    /// Prints help, or the one-line error; returns the exit status.
    static func report(_ error: any Error, arguments: [String], console: Console) -> Int32 {
        // Parsing outcomes (help, version, bad flags) have their own status; other errors fail with 1 there.
        let parserStatus = error is CLIError ? ExitCode.failure : exitCode(for: error)
        if parserStatus == .success {
            console.out.line(fullMessage(for: error))
            return 0
        }
        if parserStatus != .failure {
            let subcommand = arguments.first { name in configuration.subcommands.contains { $0._commandName == name } }
            console.err.line("train: error: \(message(for: error)) (see `train \(subcommand.map { $0 + " " } ?? "")--help`)")
            return parserStatus.rawValue
        }
        let failure = CLIError(classifying: error)
        console.err.line("train: error: \(failure.message)")
        return failure.kind.rawValue
    }

    /// Runs the process's command line and exits with its status.
    static func main() {
        Foundation.exit(execute(Array(CommandLine.arguments.dropFirst()), console: .process))
    }
}
