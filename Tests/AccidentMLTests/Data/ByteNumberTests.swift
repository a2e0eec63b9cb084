import Testing
@testable import AccidentML

/// The fast number parsers against their String-based references.
@Suite struct ByteNumberTests {
    static func integer(_ s: String) -> ParsedNumber<Int64> {
        Array(s.utf8).withUnsafeBufferPointer { ByteNumber.integer($0) }
    }

    static func decimal(_ s: String) -> ParsedNumber<Double> {
        Array(s.utf8).withUnsafeBufferPointer { ByteNumber.decimal($0) }
    }

    @Test func integersWithSpacesSignsAndPadding() {
        #expect(Self.integer(" -1") == .value(-1))
        #expect(Self.integer("0233586") == .value(233586))
        #expect(Self.integer("  ") == .empty)
        #expect(Self.integer("1 2") == .invalid)
        #expect(Self.integer("-") == .invalid)
        #expect(Self.integer("999999999999999999") == .value(999_999_999_999_999_999))
        #expect(Self.integer("9999999999999999999") == .invalid)
    }

    @Test func decimalsWithCommaOrPoint() {
        #expect(Self.decimal("44,0389580000") == .value(44.038958))
        #expect(Self.decimal(" -0,9644600000") == .value(-0.96446))
        #expect(Self.decimal("2.0") == .value(2))
        #expect(Self.decimal("1e-05") == .value(1e-5))
        #expect(Self.decimal("0.1234567890123456789012345") == .value(0.1234567890123456789012345))
        #expect(Self.decimal("1,2,3") == .invalid)
        #expect(Self.decimal("NaN") == .invalid)
        #expect(Self.decimal(",") == .invalid)
        #expect(Self.decimal("") == .empty)
    }

    @Test func fastParsersMatchTheReferencesOnRandomInput() {
        var rng = SplitMix64(seed: 7)
        let alphabet = Array("0123456789012345678901234567890123456789 -+.,eE")
        for _ in 0..<20000 {
            let text = String((0..<Int(1 + rng.next() % 28)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            #expect(Self.integer(text) == ByteNumber.referenceInteger(text), "\(text)")
            let fast = Self.decimal(text), reference = ByteNumber.referenceDecimal(text)
            if case .value(let a) = fast, case .value(let b) = reference {
                #expect(a.bitPattern == b.bitPattern, "\(text)")
            } else {
                #expect(fast == reference, "\(text)")
            }
        }
    }

    @Test func decimalsRoundCorrectlyOnManyCoordinates() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<20000 {
            let whole = Int(rng.next() % 180), fraction = rng.next() % 10_000_000_000
            let digits = String(fraction), padded = String(repeating: "0", count: 10 - digits.count) + digits
            let text = "\(rng.next() % 2 == 0 ? " -" : "")\(whole),\(padded)"
            guard case .value(let v) = Self.decimal(text), case .value(let r) = ByteNumber.referenceDecimal(text) else {
                Issue.record("\(text)"); continue
            }
            #expect(v.bitPattern == r.bitPattern, "\(text)")
        }
    }
}
