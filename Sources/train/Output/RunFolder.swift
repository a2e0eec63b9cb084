import AccidentML
import Foundation

/// A run's output folder: `model.aml`, `metrics.json` and `report.html`, each written
/// atomically (a temporary file, then a rename), so a reader never sees half a file.
struct RunFolder {
    /// The folder.
    let url: URL

    /// The model file.
    var modelURL: URL { url.appendingPathComponent("model.aml") }
    /// The metrics (the report's data).
    var metricsURL: URL { url.appendingPathComponent("metrics.json") }
    /// The report page.
    var reportURL: URL { url.appendingPathComponent("report.html") }
    /// The files a complete run folder holds.
    var files: [URL] { [modelURL, metricsURL, reportURL] }

    /// Creates the folder (and its parents) when needed.
    func create() throws {
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw CLIError.cannotCreate(url.path, "cannot create the run folder (\(Self.reason(error)))")
        }
    }

    /// Writes the model file; the model then knows its checksum.
    func write(model: inout AccidentModel) throws {
        do { try model.write(to: modelURL) } catch {
            throw CLIError.cannotCreate(modelURL.path, Self.reason(error))
        }
    }

    /// Writes `metrics.json` and `report.html`.
    func write(report: TrainingReport) throws {
        do { try report.write(toRunFolder: url) } catch {
            throw CLIError.cannotCreate(url.path, Self.reason(error))
        }
    }

    /// The useful part of a Foundation or model-file error.
    static func reason(_ error: any Error) -> String {
        if let e = error as? ModelFileError, case .io(_, let reason) = e { return reason }
        return (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}

extension RunFolder {
    /// Fails at once (exit status 73) when `url` cannot be created: its nearest existing
    /// ancestor is a file or is not writable. Checked before any work, so a long fit does not
    /// end on an unwritable output.
    static func checkCreatable(_ url: URL) throws {
        var ancestor = url.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: ancestor.path), ancestor.path != "/" {
            ancestor = ancestor.deletingLastPathComponent()
        }
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory)
        guard isDirectory.boolValue else {
            throw CLIError.cannotCreate(url.path, "\(ancestor.path) is a file, not a folder")
        }
        guard FileManager.default.isWritableFile(atPath: ancestor.path) else {
            throw CLIError.cannotCreate(url.path, "the folder \(ancestor.path) is not writable")
        }
    }
}
