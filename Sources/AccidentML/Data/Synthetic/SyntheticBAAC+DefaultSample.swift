import Foundation

extension SyntheticBAAC {
    /// Seed of the committed default sample `data/default/`.
    public static let defaultSampleSeed: UInt64 = 2021
    /// Year (2019 layout) of the default sample.
    public static let defaultSampleYear = 2021
    /// Accidents in the default sample.
    public static let defaultSampleCount = 5_000

    /// Writes the default sample — exactly what `data/default/` holds — into `directory`.
    @discardableResult
    public static func writeDefaultSample(to directory: URL) throws(BAACWriteError) -> BAACYearFiles {
        try SyntheticBAAC(seed: defaultSampleSeed, year: defaultSampleYear).write(count: defaultSampleCount, to: directory)
    }
}
