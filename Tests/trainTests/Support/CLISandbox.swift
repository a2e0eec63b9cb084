import Foundation
@testable import train

/// A temporary folder to run `train` in, in-process, with its output captured.
final class CLISandbox {
    /// The folder, used as the current directory of every run.
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("accidentml-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs `train` with `arguments`; `terminal` pretends stderr is a terminal.
    @discardableResult
    func run(_ arguments: [String], terminal: Bool = false, executable: URL? = nil) -> CLIResult {
        let console = Console(out: TextOutput(capturingAsTerminal: false), err: TextOutput(capturingAsTerminal: terminal),
                              currentDirectory: folder, executableURL: executable)
        let status = TrainCommand.execute(arguments, console: console)
        return CLIResult(status: status, out: console.out.text, err: console.err.text)
    }

    /// A path inside the folder.
    func url(_ path: String) -> URL { folder.appendingPathComponent(path) }

    /// Whether a file exists inside the folder.
    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url(path).path) }

    /// A text file's content.
    func text(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    /// Writes a text file (creating its folders).
    func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url(path))
    }

    /// The names in a folder of the sandbox, sorted (hidden files included).
    func listing(_ path: String = ".") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(path).path).sorted()
    }
}

/// What one run printed and returned.
struct CLIResult {
    /// The exit status.
    let status: Int32
    /// stdout.
    let out: String
    /// stderr.
    let err: String

    /// The stderr lines.
    var errorLines: [String] { err.split(separator: "\n").map(String.init) }
}

/// Small CSV parsing for the tests' checks.
enum CSVText {
    /// Header and rows of a comma-separated file without quoted commas.
    static func parse(_ text: String) -> (header: [String], rows: [[String]]) {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (lines.first ?? [], Array(lines.dropFirst()))
    }
}
