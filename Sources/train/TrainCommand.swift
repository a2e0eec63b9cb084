import AccidentML
import ArgumentParser
import Foundation

/// The `train` tool: trains, evaluates, inspects and applies AccidentML severity models.
///
/// Without a subcommand it runs the default job: the default model on `data/default/`.
@main
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train, evaluate, inspect and apply AccidentML road-accident severity models.",
        discussion: """
            With no subcommand, trains the default model (accident unit: was anyone killed or \
            hospitalised?) on the embedded synthetic data in data/default/, with a 20 % stratified \
            validation split, and writes runs/default/ (model.aml, metrics.json).

            Exit status: 0 success, 64 bad flags, 65 unusable data or model file, 66 missing input, \
            70 internal error, 73 output not writable.
            """,
        version: accidentMLVersion,
        subcommands: [FitCommand.self])

    @OptionGroup(title: "Run") var options: RunOptions

    @Option(help: ArgumentHelp("The default job's run folder.", valueName: "folder"))
    var output = "runs/default"

    func run() throws {
        let console = Console.current
        let plan = DefaultJob.plan(data: try DefaultJob.locateData(console), output: console.url(output),
                                   threads: options.threads)
        let outcome = try FitJob(plan: plan, log: Log(console: console, verbosity: options.verbosity)).run()
        if options.verbosity >= .normal { console.out.write(Summary.fit(outcome, console: console)) }
    }
}

extension TrainCommand {
    /// Parses and runs `arguments` against `console`; returns the exit status. Help goes to
    /// stdout; any failure is one line on stderr (`train: error: ...`), never a stack trace.
    static func execute(_ arguments: [String], console: Console) -> Int32 {
        Console.$current.withValue(console) {
            var command: any ParsableCommand
            do {
                command = try parseAsRoot(arguments)
            } catch {
                let status = exitCode(for: error)
                if status == .success {
                    console.out.line(fullMessage(for: error))
                    return 0
                }
                let help = arguments.first.map { name in configuration.subcommands.contains { $0._commandName == name } } == true
                    ? "train \(arguments[0]) --help" : "train --help"
                console.err.line("train: error: \(message(for: error)) (see `\(help)`)")
                return status.rawValue
            }
            do {
                try command.run()
                return 0
            } catch {
                let failure = CLIError(classifying: error)
                console.err.line("train: error: \(failure.message)")
                return failure.kind.rawValue
            }
        }
    }

    /// Runs the process's command line and exits with its status.
    static func main() {
        Foundation.exit(execute(Array(CommandLine.arguments.dropFirst()), console: .process))
    }
}
