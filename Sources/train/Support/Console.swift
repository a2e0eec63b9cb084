import Foundation

/// Where the tool writes and where it stands: the process's standard streams and current
/// directory, or, in tests, buffers and a temporary folder (`Console.current` is task-local,
/// so tests running in parallel each see their own).
struct Console: Sendable {
    /// Results: summary tables, `inspect` output.
    let out: TextOutput
    /// Progress, notes and the one-line error.
    let err: TextOutput
    /// The folder relative paths are resolved against.
    let currentDirectory: URL
    /// The running executable, to find the package's `data/default` from it; nil in tests.
    let executableURL: URL?

    /// The console of the running process.
    static var process: Console {
        Console(out: TextOutput(fileDescriptor: STDOUT_FILENO), err: TextOutput(fileDescriptor: STDERR_FILENO),
                currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
                executableURL: Bundle.main.executableURL?.resolvingSymlinksInPath())
    }

    /// The console commands write to.
    @TaskLocal static var current: Console = .process

    /// A path given on the command line, resolved against `currentDirectory`.
    func url(_ path: String) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : currentDirectory.appendingPathComponent(path)).standardizedFileURL
    }

    /// A path for people: relative to the current directory when inside it, else absolute.
    func display(_ url: URL) -> String {
        let base = currentDirectory.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// A text stream: a file descriptor (with whether it is a terminal), or a buffer for tests.
final class TextOutput: @unchecked Sendable {
    private let lock = NSLock()
    private let handle: FileHandle?
    private var buffer = ""
    /// Whether the stream is an interactive terminal (live progress is drawn only there).
    let isTerminal: Bool
    /// Columns of the terminal, 80 when unknown.
    let columns: Int

    /// Writes to a file descriptor of the process.
    init(fileDescriptor: Int32) {
        handle = FileHandle(fileDescriptor: fileDescriptor, closeOnDealloc: false)
        isTerminal = isatty(fileDescriptor) == 1
        var size = winsize()
        columns = isTerminal && ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }

    /// Keeps what is written (`text`); `isTerminal` pretends an interactive terminal.
    init(capturingAsTerminal isTerminal: Bool = false) {
        handle = nil
        self.isTerminal = isTerminal
        columns = 80
    }

    /// Writes `text` as it is.
    func write(_ text: String) {
        lock.withLock {
            if let handle { handle.write(Data(text.utf8)) } else { buffer += text }
        }
    }

    /// Writes `text` and a line feed.
    func line(_ text: String = "") { write(text + "\n") }

    /// Everything written so far (capturing outputs only).
    var text: String { lock.withLock { buffer } }
}
