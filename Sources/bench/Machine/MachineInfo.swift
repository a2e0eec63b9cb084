import AccidentML
import Foundation

/// What the figures depend on besides the code: CPU, cores, OpenBLAS kernel, the environment
/// variables that change the libraries' behaviour, versions, date.
struct MachineInfo: Codable, Sendable {
    var cpuModel: String
    var cores: Int
    var memoryGiB: Double
    var openblasCore: String
    /// `OPENBLAS_CORETYPE`, `OPENBLAS_L2_SIZE`, `OMP_WAIT_POLICY`, `OMP_NUM_THREADS` as set when the bench started.
    var environment: [String: String]
    var swiftVersion: String
    var accidentMLVersion: String
    var date: String
    var loadAtStart: LoadAverage

    /// The variables recorded in `environment`.
    static let recordedVariables = ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OMP_WAIT_POLICY", "OMP_NUM_THREADS"]

    /// Reads everything from `/proc`, the environment and `swift --version`.
    static func current() -> MachineInfo {
        let env = ProcessInfo.processInfo.environment
        return MachineInfo(
            cpuModel: procField("/proc/cpuinfo", key: "model name") ?? "unknown",
            cores: ProcessInfo.processInfo.activeProcessorCount,
            memoryGiB: Double(ProcessInfo.processInfo.physicalMemory) / Double(1 << 30),
            openblasCore: openblasCoreName(),
            environment: env.filter { recordedVariables.contains($0.key) },
            swiftVersion: swiftVersion(),
            accidentMLVersion: AccidentML.accidentMLVersion,
            date: ISO8601DateFormatter().string(from: Date()),
            loadAtStart: loadAverage())
    }

    /// The 1-, 5- and 15-minute load averages (`/proc/loadavg`), empty when unreadable.
    static func loadAverage() -> LoadAverage {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return [] }
        return text.split(separator: " ").prefix(3).compactMap { Double($0) }
    }

    /// The value of the first `key : value` line of a /proc text file.
    static func procField(_ path: String, key: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == key {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The first line of `swift --version` (the toolchain on the PATH, the one `swift run` used).
    static func swiftVersion() -> String {
        let command = Subprocess(executable: URL(fileURLWithPath: "/usr/bin/env"), arguments: ["swift", "--version"])
        guard let out = try? command.run() else { return "unknown (swift --version failed)" }
        return String(decoding: out, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "unknown"
    }
}
