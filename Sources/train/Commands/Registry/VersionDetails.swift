import AccidentML
import AccidentRegistry
import Foundation

/// What `registry show` and `registry list` tell about one version: its aliases, run, source,
/// recorded checksum and the run's final metrics.
struct VersionDetails: Encodable {
    let name: String
    let version: String
    let aliases: [String]
    let runID: String
    let source: String
    let checksum: String?
    let metrics: [String: Double]

    enum CodingKeys: String, CodingKey { case name, version, aliases, runID = "run_id", source, checksum, metrics }

    /// Gathers the details of `version`, with `aliases` (searches do not give them) and its run's final metrics.
    static func gather(_ version: ModelVersion, aliases: [String], client: MLflowClient) async throws -> VersionDetails {
        var metrics: [String: Double] = [:]
        if !version.runID.isEmpty {
            // Learning curves (`curve/...`) are per round; only the final values describe the version.
            for m in try await client.run(version.runID).data.metrics where !m.key.hasPrefix("curve/") { metrics[m.key] = m.value }
        }
        return VersionDetails(name: version.name, version: version.version, aliases: aliases.sorted(), runID: version.runID,
                              source: version.source, checksum: version.tag(ModelResolver.checksumTag), metrics: metrics)
    }

    /// One JSON object (sorted keys).
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// The text form: labelled facts.
    var text: String {
        Summary.facts([
            ("model", "models:/\(name)/\(version)"),
            ("aliases", aliases.isEmpty ? "none" : aliases.joined(separator: ", ")),
            ("run", runID.isEmpty ? "none" : runID),
            ("source", source),
            ("checksum", checksum ?? "not recorded"),
        ] + metrics.sorted { $0.key < $1.key }.map { ($0.key, Format.metric($0.value)) })
    }
}
