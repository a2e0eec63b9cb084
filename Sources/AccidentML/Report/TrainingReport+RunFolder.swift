import Foundation

extension TrainingReport {
    /// Writes `metrics.json` and `report.html` into a run folder (created if needed), each
    /// atomically so a reader never sees half a file.
    public func write(toRunFolder folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try jsonData().write(to: folder.appendingPathComponent("metrics.json"), options: .atomic)
        try Data(ReportRenderer().html(for: self).utf8).write(to: folder.appendingPathComponent("report.html"), options: .atomic)
    }
}
