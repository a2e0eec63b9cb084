// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "AccidentML",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "AccidentML", targets: ["AccidentML"]),
        .executable(name: "train", targets: ["train"]),
        .executable(name: "bench", targets: ["bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
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
        .executableTarget(
            name: "train",
            dependencies: [
                "AccidentML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "bench",
            dependencies: [
                "AccidentML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AccidentMLTests",
            dependencies: ["AccidentML"]
        ),
        // Drives the `train` tool in-process (`@testable import train`).
        .testTarget(
            name: "trainTests",
            dependencies: ["train"]
        ),
    ]
)
