import Foundation

/// Artifacts through the server's proxy (`--serve-artifacts`): clients need no S3 credentials.
extension MLflowClient {
    /// A file or folder among a run's artifacts.
    public struct ArtifactFile: Decodable, Sendable, Equatable {
        /// Its path below the run's artifact root.
        public let path: String
        /// Whether it is a folder.
        public let isDirectory: Bool
        /// Its size in bytes (nil for a folder).
        public let size: Int?

        enum CodingKeys: String, CodingKey { case path, isDirectory = "is_dir", size = "file_size" }

        /// Decodes an entry; MLflow omits `is_dir` when false.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            path = try c.decode(String.self, forKey: .path)
            isDirectory = try c.decodeIfPresent(Bool.self, forKey: .isDirectory) ?? false
            size = try c.decodeIfPresent(Int.self, forKey: .size)
        }
    }

    private struct ListAnswer: Decodable { let files: [ArtifactFile]? }

    /// Uploads `bytes` as `path` below `artifactURI` (a run's `artifact_uri`).
    public func uploadArtifact(_ bytes: [UInt8], to artifactURI: String, path: String) async throws {
        let url = try proxyURL(artifactURI, path)
        _ = try await exchange("upload \(path)", .PUT, url: url, body: bytes, contentType: "application/octet-stream")
    }

    /// Uploads the file at `file` as `path` below `artifactURI`.
    public func uploadArtifact(file: URL, to artifactURI: String, path: String) async throws {
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: file)) } catch {
            throw RegistryError.rejected(operation: "upload \(path)", status: 0, code: "LOCAL_FILE",
                                         message: "cannot read \(file.path): \(error.localizedDescription)")
        }
        try await uploadArtifact(bytes, to: artifactURI, path: path)
    }

    /// Downloads the artifact `path` below `artifactURI`; `RegistryError.notFound` when it is absent.
    public func downloadArtifact(from artifactURI: String, path: String) async throws -> [UInt8] {
        try await exchange("download \(path) from \(artifactURI)", .GET, url: try proxyURL(artifactURI, path), body: nil,
                           contentType: nil).body
    }

    /// The files and folders directly below `path` (the root when empty) of a run's artifacts.
    public func listArtifacts(runID: String, path: String = "") async throws -> [ArtifactFile] {
        try await call("list artifacts of run \(runID)", .GET, "artifacts/list", query: [("run_id", runID), ("path", path)],
                       as: ListAnswer.self).files ?? []
    }

    /// The proxy URL of `path` below an `mlflow-artifacts:` URI
    /// (`mlflow-artifacts:/1/<run>/artifacts` → `<server>/api/2.0/mlflow-artifacts/artifacts/1/<run>/artifacts/<path>`).
    func proxyURL(_ artifactURI: String, _ path: String) throws -> String {
        let scheme = "mlflow-artifacts:"
        guard artifactURI.hasPrefix(scheme) else {
            throw RegistryError.rejected(operation: "artifact \(path)", status: 0, code: "UNSUPPORTED_ARTIFACT_URI",
                                         message: "\(artifactURI) is not served by the tracking server's proxy; start "
                                             + "MLflow with --serve-artifacts (scripts/services/mlflow.sh does)")
        }
        var rest = artifactURI.dropFirst(scheme.count)
        if rest.hasPrefix("//") { // mlflow-artifacts://host:port/path: the path after the authority
            rest = rest.dropFirst(2)
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
        }
        let segments = (rest.split(separator: "/") + path.split(separator: "/")).map {
            $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? String($0)
        }
        return trackingURI + "/api/2.0/mlflow-artifacts/artifacts/" + segments.joined(separator: "/")
    }
}
