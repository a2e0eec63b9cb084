import AccidentML
import Foundation

/// Writes `predictions.csv` (id columns, the predicted class, one probability per class),
/// streamed into a hidden temporary file beside the destination and renamed into place by
/// `commit()`; dropped before that, it deletes the temporary file: never a half-written file.
final class PredictionWriter {
    /// The destination.
    let url: URL
    private let temporary: URL
    private let handle: FileHandle
    private let classLabels: [String]
    private var committed = false
    /// Data rows written so far.
    private(set) var rowCount = 0
    /// Rows written per predicted class, in class order.
    private(set) var classCounts: [Int]

    /// Rows encoded per write (bounded memory whatever the row count).
    static let rowsPerWrite = 16_384

    /// Starts the file with its header: `ids`, `predicted`, then `p_<class>` per class.
    init(url: URL, idColumns: [String], classLabels: [String]) throws {
        self.url = url
        self.classLabels = classLabels
        classCounts = [Int](repeating: 0, count: classLabels.count)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CLIError.cannotCreate(url.path, "cannot create a file in \(url.deletingLastPathComponent().path)")
        }
        do { handle = try FileHandle(forWritingTo: temporary) } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CLIError.cannotCreate(url.path, RunFolder.reason(error))
        }
        let probabilityColumns = classLabels.map { "p_" + $0.replacingOccurrences(of: " ", with: "_") }
        try write((idColumns + ["predicted"] + probabilityColumns).map(Self.field).joined(separator: ",") + "\n")
    }

    deinit {
        try? handle.close()
        if !committed { try? FileManager.default.removeItem(at: temporary) }
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

    /// Closes the file and moves it into place (replacing an older one).
    func commit() throws {
        do { try handle.close() } catch { throw CLIError.cannotCreate(url.path, RunFolder.reason(error)) }
        guard rename(temporary.path, url.path) == 0 else {
            throw CLIError.cannotCreate(url.path, String(cString: strerror(errno)))
        }
        committed = true
    }

    private func write(_ text: String) throws {
        do { try handle.write(contentsOf: Data(text.utf8)) } catch {
            throw CLIError.cannotCreate(url.path, RunFolder.reason(error))
        }
    }

    /// A CSV cell, quoted when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
