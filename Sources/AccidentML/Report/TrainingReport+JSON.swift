import Foundation

extension TrainingReport {
    /// The `metrics.json` encoder: sorted keys and pretty printing, so the same report always
    /// gives the same bytes and diffs well. JSON has no NaN or infinity, so non-finite numbers
    /// (an AUC without positives, the first ROC threshold) are written as the strings `"NaN"`,
    /// `"Infinity"` and `"-Infinity"`; `decoded(from:)` reads them back.
    public static func makeJSONEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// The `metrics.json` bytes of this report (see `makeJSONEncoder()` for the format).
    public func jsonData() throws -> Data { try Self.makeJSONEncoder().encode(self) }

    /// Reads a report from `metrics.json` bytes, non-finite numbers included.
    public static func decoded(from data: Data) throws -> TrainingReport {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(TrainingReport.self, from: data)
    }
}
