/// The accepted API keys, checked in constant time.
///
/// Every key is compared in full whatever the candidate, so the time taken depends only on
/// the configured keys' lengths, never on how many leading bytes of a guess are right.
struct APIKeySet: Sendable {
    private let keys: [[UInt8]]

    init(_ keys: [String]) { self.keys = keys.map { Array($0.utf8) } }

    /// Whether no key is accepted at all.
    var isEmpty: Bool { keys.isEmpty }

    func contains(_ candidate: some Collection<UInt8>) -> Bool {
        let c = Array(candidate)
        var matches: UInt8 = 0
        for key in keys {
            matches |= Self.equal(c, key)
        }
        return matches == 1
    }

    /// 1 when `candidate == key`, else 0, touching every byte of `key` whatever the candidate.
    static func equal(_ candidate: [UInt8], _ key: [UInt8]) -> UInt8 {
        var difference: UInt8 = candidate.count == key.count ? 0 : 1
        for i in 0..<key.count {
            let c = i < candidate.count ? candidate[i] : 0
            difference |= c ^ key[i]
        }
        return difference == 0 ? 1 : 0
    }
}
