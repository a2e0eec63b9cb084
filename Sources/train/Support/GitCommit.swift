import Foundation

/// The git commit of the source the tool runs in, for the run's record.
enum GitCommit {
    /// `$GIT_COMMIT` when set, else `git rev-parse HEAD` in `folder` (nil outside a repository or without git).
    static func current(in folder: URL, environment: [String: String]) -> String? {
        if let commit = environment["GIT_COMMIT"], !commit.isEmpty { return commit }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path, "rev-parse", "HEAD"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && text.count == 40 && text.allSatisfy(\.isHexDigit) ? text : nil
    }
}
