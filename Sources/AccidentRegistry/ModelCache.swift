import AccidentML
import Foundation

/// A folder of downloaded model files named by their checksum (`<crc32>.aml`): a version already
/// downloaded is not fetched again, and a file is verified (loaded, checksum checked) every time
/// it is taken from the cache.
public struct ModelCache: Sendable {
    /// The folder holding the files.
    public let folder: URL

    /// The largest model file it loads (`AccidentModel.load(from:maxFileBytes:)`).
    public let maxFileBytes: Int

    /// A cache in `folder` (created on first store) of files of at most `maxFileBytes` bytes.
    public init(folder: URL, maxFileBytes: Int = AccidentModel.defaultMaxFileBytes) {
        self.folder = folder
        self.maxFileBytes = maxFileBytes
    }

    /// `$ACCIDENTML_MODEL_CACHE`, else `$XDG_CACHE_HOME/accidentml/models`, else `~/.cache/accidentml/models`.
    public static func defaultFolder(environment: [String: String]) -> URL {
        if let dir = environment["ACCIDENTML_MODEL_CACHE"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return base.appendingPathComponent("accidentml").appendingPathComponent("models")
    }

    /// Where the file with `checksum` is (or would be) kept.
    public func url(checksum: String) -> URL {
        precondition(checksum.count == 8 && checksum.allSatisfy(\.isHexDigit), "a model checksum is 8 hex digits")
        return folder.appendingPathComponent("\(checksum.lowercased()).aml")
    }

    /// The cached model with `checksum`, loaded and verified; nil when absent. A cached file that
    /// fails verification (damaged on disk) is removed, so it is downloaded again.
    public func load(checksum: String) -> (url: URL, model: AccidentModel)? {
        let url = url(checksum: checksum)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let model = try? AccidentModel.load(from: url, maxFileBytes: maxFileBytes), model.fileChecksum == checksum.lowercased() else {
            try? FileManager.default.removeItem(at: url)
            return nil
        }
        return (url, model)
    }

    /// Verifies downloaded bytes and keeps them under their checksum; a file that is not a
    /// complete, valid model, or whose checksum is not `expected` (when given), is not kept.
    /// - Throws: `ModelFileError` (the file is damaged), `CacheError.checksum`, or an I/O error.
    public func store(_ bytes: [UInt8], expected: String? = nil) throws -> (url: URL, model: AccidentModel) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".download-\(UUID().uuidString).aml")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try Data(bytes).write(to: temporary)
        let model = try AccidentModel.load(from: temporary, maxFileBytes: maxFileBytes)
        guard let checksum = model.fileChecksum else { preconditionFailure("a loaded model knows its file checksum") }
        if let expected, expected.lowercased() != checksum {
            throw ChecksumMismatch(recorded: expected, found: checksum)
        }
        let url = url(checksum: checksum)
        // rename(2) replaces atomically: a concurrent reader sees the old file or the new one.
        guard rename(temporary.path, url.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        return (url, model)
    }

    /// A downloaded file is a valid model, but not the one recorded at registration.
    public struct ChecksumMismatch: Error, CustomStringConvertible {
        /// The checksum the registry recorded.
        public let recorded: String
        /// The downloaded file's checksum.
        public let found: String
        /// What differs.
        public var description: String {
            "its checksum \(found) differs from \(recorded), recorded when the version was registered (the artifact was replaced)"
        }
    }
}
