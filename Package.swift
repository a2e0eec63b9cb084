// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "AccidentML",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "AccidentML", targets: ["AccidentML"]),
        // The request-body decoders, a product of their own so the fuzz package (Fuzz/) builds
        // them without the server's HTTP, PostgreSQL and TLS dependencies.
        .library(name: "AccidentRequests", targets: ["AccidentRequests"]),
        .executable(name: "train", targets: ["train"]),
        .executable(name: "bench", targets: ["bench"]),
        .executable(name: "accident-server", targets: ["accident-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.24.0"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // OpenBLAS (CBLAS) + LAPACKE from Debian's libopenblas-dev / liblapacke-dev.
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        // The core: no SwiftNIO, no HTTP; its tests build in seconds.
        .target(
            name: "AccidentML",
            dependencies: [
                "COpenBLAS",
                .product(name: "Numerics", package: "swift-numerics"),
            ]
        ),
        // The PostgreSQL accident store (schema migrations, COPY ingest, predictions log).
        .target(
            name: "AccidentStore",
            dependencies: [
                "AccidentML",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The model registry and experiment tracking client (MLflow's REST API over AsyncHTTPClient):
        // runs, artifacts, registered models, aliases, and `models:/` references resolved to a
        // verified local file. HTTP stays here, out of the core.
        .target(
            name: "AccidentRegistry",
            dependencies: [
                "AccidentML",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Prediction request bodies (JSON, CSV) decoded straight into the core's records and
        // feature rows: strict, bounded, and free of the HTTP server (only NIOCore's ByteBuffer).
        .target(
            name: "AccidentRequests",
            dependencies: [
                "AccidentML",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The prediction API (Hummingbird 2), as a library so tests run it in-process.
        .target(
            name: "AccidentServer",
            dependencies: [
                "AccidentML",
                "AccidentRequests",
                "AccidentStore",
                "AccidentRegistry",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "accident-server",
            dependencies: [
                "AccidentServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "train",
            dependencies: [
                "AccidentML",
                "AccidentStore",
                "AccidentRegistry",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "bench",
            dependencies: [
                "AccidentML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // package-benchmark micro-benchmarks of the hot kernels (`swift package benchmark`).
        .executableTarget(
            name: "AccidentMLBenchmarks",
            dependencies: ["AccidentML", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/AccidentMLBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // What every test target shares: ../shared data and CI rules, temporary folders.
        .target(
            name: "AccidentTestSupport",
            path: "Tests/AccidentTestSupport"
        ),
        .testTarget(
            name: "AccidentMLTests",
            dependencies: ["AccidentML", "AccidentTestSupport"],
            // Model files of earlier format versions, read by path (ModelFileVersionTests).
            exclude: ["Fixtures"]
        ),
        // Drives the `train` tool in-process (`@testable import train`).
        .testTarget(
            name: "trainTests",
            dependencies: [
                "train",
                "AccidentTestSupport",
                // The tracking tests read back through the registry client what `train` logged.
                "AccidentRegistry",
                // The database commands' tests make a schema of their own on the test server.
                "AccidentStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "benchTests",
            dependencies: ["bench"]
        ),
        .testTarget(
            name: "AccidentServerTests",
            dependencies: [
                "AccidentServer",
                "AccidentRequests",
                "AccidentRegistry",
                "AccidentTestSupport",
                "AccidentStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "AccidentRegistryTests",
            dependencies: ["AccidentRegistry", "AccidentTestSupport"]
        ),
        .testTarget(
            name: "AccidentStoreTests",
            dependencies: [
                "AccidentStore",
                "AccidentTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
    ]
)
