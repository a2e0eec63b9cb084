import Foundation

extension TrainingReport {
    /// Writes `metrics.json` and `report.html` into a run folder (created if needed), each
    /// through `OutputFile` (atomically, so a reader never sees half a file).
    public func write(toRunFolder folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try OutputFile.write(Array(try jsonData()), to: folder.appendingPathComponent("metrics.json").path)
        try OutputFile.write(Array(ReportRenderer().html(for: self).utf8), to: folder.appendingPathComponent("report.html").path)
    }
}
