import AccidentML
import Foundation

/// Everything one bench run produced: the raw content of `bench.json` and the source of the
/// Markdown report.
struct BenchReport: Codable, Sendable {
    /// The command line, as typed.
    var command: String
    var machine: MachineInfo
    var repeats: Int
    var threads: [Int]
    var rows: Int
    var quick: Bool
    var peersRun: Bool
    var passivePeers: Bool
    /// Library → version, as the peers reported them.
    var peerVersions: [String: String]
    /// OpenBLAS kernels the peers' numpy used.
    var peerBLASKernels: [String]
    var sections: [SectionResult]
    var loadAtEnd: LoadAverage
    var elapsedSeconds: Double

    /// Writes the report as pretty JSON.
    func writeJSON(to url: URL) throws(BenchError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                      nan: "nan")
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try OutputFile.write(Array(try encoder.encode(self)), to: url.path)
        } catch {
            throw .io(path: url.path, detail: "cannot write the raw figures: \(error)")
        }
    }
}
