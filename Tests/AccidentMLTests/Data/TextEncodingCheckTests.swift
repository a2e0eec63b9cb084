import Testing
@testable import AccidentML

/// The fast encoding check against its reference.
@Suite struct TextEncodingCheckTests {
    static func check(_ bytes: [UInt8]) -> TextEncodingCheck.Problem? {
        bytes.withUnsafeBufferPointer { TextEncodingCheck.check($0) }
    }

    @Test func knownCases() {
        #expect(Self.check(Array("\"201Â\u{A0}764\";\"aprÃ¨s\"".utf8)) == nil)
        #expect(Self.check(Array("rue de l'\u{E9}glise".unicodeScalars.map { UInt8($0.value) })) == nil)
        #expect(Self.check([0xFF, 0xFE, 0x41, 0x00]) == .init(kind: .utf16ByteOrderMark, offset: 0))
        #expect(Self.check(Array("abcdefghij".utf8) + [0] + [0x41]) == .init(kind: .nulByte, offset: 10))
        #expect(Self.check([0x41, 0xE9, 0x42, 0x81]) == .init(kind: .neitherUTF8NorLatin1(0x81), offset: 3))
        #expect(Self.check([0x41, 0xC2, 0x81]) == nil)  // valid UTF-8 for U+0081
    }

    @Test func matchesTheReferenceOnRandomBytes() {
        var rng = SplitMix64(seed: 5)
        let pieces: [[UInt8]] = [Array("abcdefgh;\n".utf8), [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80],
                                 [0xE9], [0x81], [0x9D], [0xC3], [0xED, 0xA0, 0x80], [0x00], [0xF4, 0x90, 0x80, 0x80]]
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 12) {
                let p = Int(rng.next() % UInt64(pieces.count))
                bytes += rng.next() % 3 == 0 ? pieces[p] : pieces[0]
            }
            #expect(Self.check(bytes) == TextEncodingCheck.referenceCheck(bytes), "\(bytes)")
        }
    }

    @Test func lineNumbers() {
        let bytes = Array("a\nb\nc".utf8)
        #expect(bytes.withUnsafeBufferPointer { TextEncodingCheck.lineNumber(of: 4, in: $0) } == 3)
    }
}

extension TextEncodingCheckTests {
    @Test func scansOfLinePiecesCombineLikeOneCheck() {
        var rng = SplitMix64(seed: 8)
        let pieces: [[UInt8]] = [Array("ab;\n".utf8), [0xC3, 0xA9], [0xE9], [0x81], [0x00], [10]]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 14) { bytes += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let whole = Self.check(bytes)
            let combined: TextEncodingCheck.Problem? = bytes.withUnsafeBufferPointer { buffer in
                let ranges = BAACTableJob<AccidentDecoder>.split(buffer, from: 0, target: 1 + Int(rng.next() % 5))
                let scans = ranges.map { TextEncodingCheck.scan(UnsafeBufferPointer(rebasing: buffer[$0])).shifted(by: $0.lowerBound) }
                return TextEncodingCheck.problem(in: scans, bytes: buffer)
            }
            #expect(combined == whole, "\(bytes)")
        }
    }
}
