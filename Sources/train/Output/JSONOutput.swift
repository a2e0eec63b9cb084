import Foundation

/// The JSON the tool writes: pretty and sorted (the same content gives the same bytes), with
/// NaN and infinities, which JSON lacks, as the strings `NaN`, `Infinity` and `-Infinity`.
enum JSONOutput {
    /// A configured encoder.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity",
                                                                      negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }
}
