import Foundation

/// Runs a command to completion with its stdout and stderr captured in temporary files (no
/// pipe can fill up and block it), and decodes the one JSON object it prints.
struct Subprocess {
    var executable: URL
    var arguments: [String]
    /// Variables set on top of this process's environment.
    var environment: [String: String] = [:]

    /// The command as a shell line, for progress and error messages.
    var commandLine: String {
        let assignments = environment.keys.sorted().map { "\($0)=\(Self.quoted(environment[$0]!))" }
        return (assignments + ([executable.path] + arguments).map(Self.quoted)).joined(separator: " ")
    }

    /// Runs the command; returns its stdout, or throws with the tail of its stderr.
    func run() throws(BenchError) -> Data {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("bench-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        let outURL = scratch.appendingPathExtension("out"), errURL = scratch.appendingPathExtension("err")
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        do {
            guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
                  FileManager.default.createFile(atPath: errURL.path, contents: nil) else {
                throw BenchError.io(path: scratch.path, detail: "cannot create the capture files of a subprocess")
            }
            let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
            defer { try? out.close(); try? err.close() }
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        } catch let error as BenchError {
            throw error
        } catch {
            throw .processFailed(command: commandLine, status: -1, stderrTail: "could not start: \(error.localizedDescription)")
        }
        let stderr = (try? Data(contentsOf: errURL)) ?? Data()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let status = process.terminationReason == .exit ? process.terminationStatus : -process.terminationStatus
            throw .processFailed(command: commandLine, status: status, stderrTail: Self.tail(stderr))
        }
        do { return try Data(contentsOf: outURL) } catch {
            throw .io(path: outURL.path, detail: "cannot read the captured stdout: \(error.localizedDescription)")
        }
    }

    /// Runs the command and decodes its stdout (one JSON object).
    func runJSON<Output: Decodable>(_ type: Output.Type) throws(BenchError) -> Output {
        let stdout = try run()
        do { return try JSONDecoder().decode(Output.self, from: stdout) } catch {
            let text = String(decoding: stdout.prefix(200), as: UTF8.self)
            throw .badOutput(command: commandLine, detail: "\(Self.explain(error)); stdout began with: \(text)")
        }
    }

    /// A decoding error in one line: what is wrong and at which key path.
    static func explain(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let c)?: return "no key '\(key.stringValue)' at \(path(c.codingPath))"
        case .typeMismatch(_, let c)?, .valueNotFound(_, let c)?: return "unexpected value at \(path(c.codingPath)): \(c.debugDescription)"
        case .dataCorrupted(let c)?: return "not valid JSON at \(path(c.codingPath)): \(c.debugDescription)"
        default: return "\(error)"
        }
    }

    /// The last `lines` lines of a captured stream.
    static func tail(_ data: Data, lines: Int = 15) -> String {
        let text = String(decoding: data, as: UTF8.self)
        let all = text.split(separator: "\n", omittingEmptySubsequences: true)
        return all.isEmpty ? "(stderr was empty)" : all.suffix(lines).map { "  | \($0)" }.joined(separator: "\n")
    }

    /// A word quoted for a POSIX shell when it needs it.
    static func quoted(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=,+@%".contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
