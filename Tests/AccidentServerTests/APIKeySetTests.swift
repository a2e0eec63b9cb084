import Testing
@testable import AccidentServer

@Suite("API key set")
struct APIKeySetTests {
    let keys = APIKeySet(["first-key-0123456789", "second-key-abcdefghij"])

    @Test func acceptsExactlyTheConfiguredKeys() {
        #expect(keys.contains("first-key-0123456789".utf8))
        #expect(keys.contains("second-key-abcdefghij".utf8))
        #expect(!keys.contains("first-key-012345678".utf8))    // a prefix
        #expect(!keys.contains("first-key-01234567890".utf8))  // an extension
        #expect(!keys.contains("first-key-0123456788".utf8))   // last byte differs
        #expect(!keys.contains("".utf8))
        #expect(!APIKeySet([]).contains("anything".utf8))
    }

    @Test func byteComparisonAgreesWithEquality() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let a = (0..<Int.random(in: 0...4, using: &rng)).map { _ in UInt8.random(in: 0...2, using: &rng) }
            let b = (0..<Int.random(in: 0...4, using: &rng)).map { _ in UInt8.random(in: 0...2, using: &rng) }
            #expect((APIKeySet.equal(a, b) == 1) == (a == b), "\(a) vs \(b)")
        }
    }
}
