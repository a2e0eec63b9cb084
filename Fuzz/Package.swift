// swift-tools-version: 6.1
// libFuzzer targets of AccidentML, a package of their own so the main package and CI are unaffected.
// Build and run them with `scripts/fuzz.sh TARGET SECONDS` (docs/testing.md, "Fuzzing").
import PackageDescription


/// One libFuzzer executable: no `main` of its own (`-parse-as-library`), libFuzzer provides it.
func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name,
        dependencies: dependencies + ["FuzzSupport"],
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
}

let core: Target.Dependency = .product(name: "AccidentML", package: "accidentml")
let requests: Target.Dependency = .product(name: "AccidentRequests", package: "accidentml")

let package = Package(
    name: "AccidentMLFuzz",
    platforms: [.macOS(.v14)],
    // The root package through the `accidentml` symlink (to `..`): a path dependency's identity
    // is its folder's name, and the checkout's own name (`main`, `fuzz`...) may clash with this one's.
    dependencies: [
        .package(path: "accidentml"),
        // The version the root package resolves (ByteBuffer for the request decoders).
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
    ],
    targets: [
        // Scratch files in a per-process folder, the libFuzzer input as `Data`.
        .target(name: "FuzzSupport"),
        fuzzTarget("fuzz-baac", [core]),
        fuzzTarget("fuzz-numeric-csv", [core]),
        fuzzTarget("fuzz-model-file", [core]),
        fuzzTarget("fuzz-json-request", [core, requests, .product(name: "NIOCore", package: "swift-nio")]),
    ]
)
