import Foundation
import Testing

/// Locates the real data in `../shared/data` (beside the package root) for the store tests; the
/// same rule as `Tests/AccidentMLTests/Support/SharedData.swift`, which this test target cannot import.
///
/// Rule (common to all suites): when the folder is missing, such tests are skipped with a
/// message, except when the environment variable `CI` is `"true"`, where they run and fail.
/// Use the `.requiresSharedData` trait on the suite and `StoreSharedData.url(_:)` inside it.
enum StoreSharedData {
    /// The package root, found from this file's path (`Tests/AccidentStoreTests/Support/`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/data` relative to the package root.
    static let folder: URL = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared").appendingPathComponent("data")

    /// Whether the shared data folder exists.
    static var isAvailable: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether tests needing the data should run: it is there, or CI demands it.
    static var shouldRun: Bool { isAvailable || TestDatabase.isCI }

    /// The error thrown (so the test fails) when a needed shared file is absent.
    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String {
            "shared data missing: \(path) (expected ../shared/data beside the package root \(StoreSharedData.packageRoot.path))"
        }
    }

    /// The URL of `relativePath` inside the shared data folder; throws when it does not exist.
    static func url(_ relativePath: String) throws -> URL {
        let url = folder.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return url
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only when `../shared/data` exists, or always when `CI=true` (then a
    /// missing folder fails the test through `StoreSharedData.url(_:)`).
    static var requiresSharedData: Self {
        .enabled(if: StoreSharedData.shouldRun, "../shared/data not found beside the package root; skipped (CI=true makes this a failure)")
    }
}
