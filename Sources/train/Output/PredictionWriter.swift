import AccidentML
import Foundation

/// Writes `predictions.csv` (id columns, the predicted class, one probability per class) through
/// `OutputFile`: a regular file is streamed into a temporary file renamed into place by `commit()`
/// (dropped before that, nothing is left), a FIFO, device or `-` is written through.
final class PredictionWriter {
    /// The destination: a path, or `-` for standard output.
    let path: String
    private let file: OutputFile
    private let classLabels: [String]
    /// Data rows written so far.
    private(set) var rowCount = 0
    /// Rows written per predicted class, in class order.
    private(set) var classCounts: [Int]

    /// Rows encoded per write (bounded memory whatever the row count).
    static let rowsPerWrite = 16_384

    /// Starts the file with its header: `ids`, `predicted`, then `p_<class>` per class.
    init(path: String, idColumns: [String], classLabels: [String]) throws {
        self.path = path
        self.classLabels = classLabels
        classCounts = [Int](repeating: 0, count: classLabels.count)
        do { file = try OutputFile(path: path) } catch { throw CLIError.cannotCreate(path, error.reason) }
        let probabilityColumns = classLabels.map { "p_" + $0.replacingOccurrences(of: " ", with: "_") }
        try write((idColumns + ["predicted"] + probabilityColumns).map(Self.field).joined(separator: ",") + "\n")
    }

    /// Appends rows: `ids(r)` gives row r's id cells, `probabilities` is row-major (`classCount` per row).
    func append(rowCount n: Int, ids: (Int) -> [String], probabilities: [Float]) throws {
        let k = classLabels.count
        precondition(probabilities.count == n * k, "\(probabilities.count) probabilities for \(n) rows of \(k) classes")
        var start = 0
        while start < n {
            let end = min(n, start + Self.rowsPerWrite)
            let predicted = ConfusionMatrix.predictedClasses(probabilities: Array(probabilities[(start * k)..<(end * k)]),
                                                             classCount: k)
            var text = ""
            text.reserveCapacity((end - start) * (16 + 12 * k))
            for r in start..<end {
                for cell in ids(r) { text += Self.field(cell) + "," }
                let best = Int(predicted[r - start])
                classCounts[best] += 1
                text += Self.field(classLabels[best])
                for v in probabilities[(r * k)..<((r + 1) * k)] { text += ",\(v)" }
                text += "\n"
            }
            try write(text)
            start = end
        }
        rowCount += n
    }

    /// Finishes the file (a regular file is moved into place, replacing an older one).
    func commit() throws {
        do { try file.commit() } catch { throw CLIError.cannotCreate(path, error.reason) }
    }

    private func write(_ text: String) throws {
        do { try file.write(text) } catch { throw CLIError.cannotCreate(path, error.reason) }
    }

    /// A CSV cell, quoted when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Fails at once (exit status 73) when `path` cannot take the predictions: a folder, a
    /// socket, a dangling link, or a path whose nearest existing folder is not writable.
    static func check(_ path: String) throws {
        guard path != "-" else { return }
        let url = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path) {
            do { _ = try OutputDestination.resolve(path) } catch { throw CLIError.cannotCreate(path, error.reason) }
        } else {
            try RunFolder.checkCreatable(url)
        }
    }

    /// Creates the folder a new prediction file goes in (nothing for standard output).
    static func createFolder(of path: String) throws {
        guard path != "-" else { return }
        try RunFolder(url: URL(fileURLWithPath: path).deletingLastPathComponent()).create()
    }

    /// Whether `path` is the process's standard output.
    static func isStandardOutput(_ path: String) -> Bool { path == "-" || path == "/dev/stdout" }
}
