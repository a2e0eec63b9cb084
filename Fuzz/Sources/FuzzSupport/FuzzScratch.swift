import Foundation

/// A per-process scratch folder for the files a fuzz input is written to.
///
/// The readers under test take files (they memory-map them), so every input goes through a
/// file; the folder is under `/dev/shm` when it exists (RAM, fast), else the temporary folder.
public final class FuzzScratch: @unchecked Sendable {
    /// The folder, created on first use and kept for the life of the process.
    public let folder: URL

    /// Creates `accidentml-fuzz-<name>-<pid>` in RAM (or the temporary folder).
    public init(name: String) {
        let shm = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
        let base = FileManager.default.fileExists(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        folder = base.appendingPathComponent("accidentml-fuzz-\(name)-\(getpid())", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot create the fuzz scratch folder \(folder.path): \(error)")
        }
        // libFuzzer ends the process with exit(); remove the folder then.
        FuzzScratch.created.append(folder.path)
        if FuzzScratch.created.count == 1 { atexit { FuzzScratch.removeAll() } }
    }

    /// Writes `bytes` to `name` in the folder and returns its URL.
    public func write(_ bytes: Data, to name: String) -> URL {
        let url = folder.appendingPathComponent(name)
        do {
            try bytes.write(to: url)
        } catch {
            fatalError("cannot write the fuzz input \(url.path): \(error)")
        }
        return url
    }

    nonisolated(unsafe) private static var created: [String] = []

    private static func removeAll() {
        for path in created { try? FileManager.default.removeItem(atPath: path) }
    }
}

/// The libFuzzer input as `Data` (copied: the buffer is only valid during the call).
public func fuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Data {
    Data(bytes: data, count: size)
}
