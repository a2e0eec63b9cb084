// swift-tools-version: 6.1
// Builds the GBDT `.columns` model that scripts/bench-server.sh serves: a separate package so that
// the benchmark's model builder does not become a product of AccidentML itself.
import Foundation
import PackageDescription

/// A path dependency's identity is its folder's name (the checkout's, e.g. `AccidentML` or a
/// worktree's), so it is read from this manifest's location rather than written down.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "bench-server",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(
            name: "bench-model",
            dependencies: [.product(name: "AccidentML", package: root)]
        ),
    ]
)
