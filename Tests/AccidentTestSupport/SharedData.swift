import Foundation
import Testing

/// Locates the real data in `../shared/data` (beside the package root) for tests that need it.
///
/// Rule (common to all suites): when the folder is missing, such tests are skipped with a
/// message, except when the environment variable `CI` is `"true"`, where they run and fail.
/// Use the `.requiresSharedData` trait on the test and `SharedData.url(_:)` inside it.
public enum SharedData {
    /// The package root, found from this file's path (`Tests/AccidentTestSupport/`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/data` relative to the package root.
    public static let folder: URL = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared").appendingPathComponent("data")

    /// Whether the shared data folder exists.
    public static var isAvailable: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether tests needing the data should run: it is there, or CI demands it.
    public static var shouldRun: Bool { isAvailable || TestEnvironment.isCI }

    /// The error thrown (so the test fails) when a needed shared file is absent.
    public struct Missing: Error, CustomStringConvertible {
        /// The absent file or folder.
        public var path: String
        /// What is missing and where it was expected.
        public var description: String {
            "shared data missing: \(path) (expected ../shared/data beside the package root \(SharedData.packageRoot.path))"
        }
    }

    /// The URL of `relativePath` inside the shared data folder; throws when it does not exist.
    public static func url(_ relativePath: String) throws -> URL {
        let url = folder.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return url
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only when `../shared/data` exists, or always when `CI=true` (then a
    /// missing folder fails the test through `SharedData.url(_:)`).
    public static var requiresSharedData: Self {
        .enabled(if: SharedData.shouldRun, "../shared/data not found beside the package root; skipped (CI=true makes this a failure)")
    }
}
