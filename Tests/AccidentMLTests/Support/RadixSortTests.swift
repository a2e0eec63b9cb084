import Testing
@testable import AccidentML

@Suite struct RadixSortTests {
    /// The radix sort gives `Array.sort()`'s order for key widths that fill, and do not fill,
    /// the last digit, around the size below which it defers to the standard sort.
    @Test(arguments: [1, 11, 12, 33, 64])
    func sortsAsTheStandardSort(significantBits: Int) {
        var rng = SplitMix64(seed: UInt64(significantBits))
        let mask = significantBits == 64 ? UInt64.max : (1 << UInt64(significantBits)) - 1
        for count in [0, 1, RadixSort.minimumCount - 1, RadixSort.minimumCount, 5_000] {
            // Half the keys drawn from a few values: long runs of equal keys.
            var keys = (0..<count).map { i in (i % 2 == 0 ? rng.next() % 7 : rng.next()) & mask }
            let expected = keys.sorted()
            RadixSort.sort(&keys, significantBits: significantBits)
            #expect(keys == expected, "\(count) keys of \(significantBits) bits")
        }
    }
}
