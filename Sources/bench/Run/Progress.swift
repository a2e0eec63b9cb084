import Foundation

/// Progress lines on stderr, so that stdout carries only the report.
enum Progress {
    /// Writes `bench: <message>` on stderr.
    static func say(_ message: String) {
        FileHandle.standardError.write(Data("bench: \(message)\n".utf8))
    }
}
