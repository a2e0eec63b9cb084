import Foundation
import Testing
@testable import AccidentML

/// The hand-written number formatting of the writer against Foundation's formatting.
@Suite struct CSVByteBufferTests {
    @Test func digitsMatchStringFormatting() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let value = rng.next() >> (rng.next() % 64)
            let width = Int(rng.next() % 12)
            let plain = String(value)
            let padded = String(repeating: "0", count: max(0, width - plain.count)) + plain
            #expect(encodedBytes { $0.appendDigits(value, minimumDigits: width) } == utf8(padded))
        }
        #expect(encodedBytes { $0.appendInteger(-42) } == utf8("-42"))
        #expect(encodedBytes { $0.appendInteger(0, minimumDigits: 3) } == utf8("000"))
    }

    @Test func fixedPointMatchesPrintf() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            let degrees = (rng.nextUnit() * 2 - 1) * 180
            for decimals in [5, 10] {
                let (scaled, negative) = CSVByteBuffer.scaledMagnitude(degrees, decimals: decimals)
                let fast = encodedBytes {
                    if negative { $0.append(UInt8(ascii: "-")) }
                    $0.appendFixedPoint(scaled, decimals: decimals, separator: UInt8(ascii: ","))
                }
                let plain = String(format: "%.\(decimals)f", degrees).replacingOccurrences(of: ".", with: ",")
                #expect(fast == utf8(plain), "\(degrees)")
            }
        }
        let (zero, negativeZero) = CSVByteBuffer.scaledMagnitude(-0.000_000_000_01, decimals: 10)
        #expect(zero == 0 && !negativeZero, "a value that rounds to zero has no sign")
    }

    @Test func groupedDigitsMatchAPlainGrouping() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<1_000 {
            let value = rng.next() >> (rng.next() % 64)
            var plain = String(value)
            var groups: [String] = []
            while plain.count > 3 {
                groups.insert(String(plain.suffix(3)), at: 0)
                plain.removeLast(3)
            }
            groups.insert(plain, at: 0)
            #expect(encodedBytes { $0.appendGroupedDigits(value, separator: " ") } == utf8(groups.joined(separator: " ")))
        }
    }

    @Test func placeholderTextIsEncodedLikeTheOfficialFiles() {
        #expect(PlaceholderText.doubleEncodedUTF8("après N°") == utf8("aprÃ¨s NÂ°"))
        #expect(PlaceholderText.latin1("Nîmes") == [0x4E, 0xEE, 0x6D, 0x65, 0x73])
    }
}
