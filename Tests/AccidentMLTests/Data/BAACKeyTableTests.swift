import Testing
@testable import AccidentML

/// The integrity checks' hash table against `Dictionary`.
@Suite struct BAACKeyTableTests {
    struct Pair: Hashable { var a: Int64, b: Int64 }

    @Test func behavesLikeADictionary() {
        var rng = SplitMix64(seed: 3)
        var table = BAACKeyTable(capacity: 4)  // grows many times
        var reference: [Pair: Int32] = [:]
        for i in 0..<50_000 {
            let key = Pair(a: 202100000000 + Int64(rng.next() % 20_000), b: Int64(rng.next() % 3))
            let value = Int32(i)
            let previous = table.insert(key.a, key.b, value: value)
            #expect(previous == reference[key])
            if reference[key] == nil { reference[key] = value }
        }
        #expect(table.count == reference.count)
        for _ in 0..<10_000 {
            let key = Pair(a: 202100000000 + Int64(rng.next() % 40_000), b: Int64(rng.next() % 3))
            #expect(table.value(key.a, key.b) == reference[key])
        }
    }
}
