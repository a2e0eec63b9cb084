import Foundation

/// The benchmark sections, in the order they run and appear in the report.
enum BenchSection: String, Codable, CaseIterable, Sendable {
    case parse, gbdt, accuracy, fit, logistic, inference, bandwidth
}

/// The resolved options of one bench run.
struct BenchSettings: Sendable {
    /// Repeats of every figure.
    var repeats: Int
    /// Thread counts measured, e.g. [1, 2].
    var threads: [Int]
    /// Accidents of the generated BAAC year and rows of the generated feature matrix.
    var rows: Int
    var sections: [BenchSection]
    var quick: Bool
    var runPeers: Bool
    /// Whether the peers run with `OMP_WAIT_POLICY=PASSIVE`.
    var passivePeers: Bool
    /// The package root (where `scripts/peers` lives); every relative path is resolved from it.
    var packageRoot: URL
    /// `../shared/data` unless told otherwise.
    var sharedData: URL
    var output: URL
    /// Seed of the synthetic data, the splits and the models.
    var seed: UInt64
    /// The command line as typed, recorded in the report.
    var command: String

    /// Single-row calls per latency measurement.
    var singleRowCalls: Int { quick ? 2_000 : 20_000 }
    /// Rows of the matrix of the bandwidth section: large enough to stream from memory.
    var bandwidthRows: Int { max(rows, 2_000_000) }
    /// The raw figures' file, beside the Markdown report.
    var jsonOutput: URL { output.deletingLastPathComponent().appendingPathComponent("bench.json") }

    /// The real accident-level data set, when it is there.
    var baac2021: URL? {
        let folder = sharedData.appendingPathComponent("baac2021")
        let present = ["X_train.csv", "y_train.csv"].allSatisfy {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
        return present ? folder : nil
    }
}
