/// An open-addressing hash table from a pair of 64-bit keys to a line number.
///
/// Replaces `Dictionary` in the integrity checks, where SipHash hashing dominated the read
/// time: keys here are ids, not attacker-chosen, so a multiplicative hash is enough.
/// Tested against `Dictionary` (`BAACKeyTableTests`).
struct BAACKeyTable {
    /// One slot: both keys and the value side by side, so a probe touches one cache line.
    private struct Slot {
        var first: Int64
        var second: Int64
        var value: Int32
    }
    private var slots: [Slot]
    private var mask: Int
    private var shift: UInt64
    /// Number of keys stored.
    private(set) var count = 0

    /// Marks an empty slot; never a key (accident ids are positive).
    static let empty = Int64.min

    /// Creates a table sized for about `capacity` keys.
    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        slots = [Slot](repeating: Slot(first: Self.empty, second: 0, value: 0), count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private func slot(_ a: Int64, _ b: Int64) -> Int {
        let h = (UInt64(bitPattern: a) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(bitPattern: b) &* 0xC2B2_AE3D_27D4_EB4F)
        return Int((h &* 0xFF51_AFD7_ED55_8CCD) >> shift)
    }

    /// The value stored for (`a`, `b`), or nil.
    @inline(__always)
    func value(_ a: Int64, _ b: Int64) -> Int32? {
        precondition(a != Self.empty, "Int64.min cannot be a key")
        var i = slot(a, b)
        while true {
            let s = slots[i]
            if s.first == Self.empty { return nil }
            if s.first == a && s.second == b { return s.value }
            i = (i + 1) & mask
        }
    }

    /// Stores `value` for (`a`, `b`) unless the key is present; returns the value already there.
    @inline(__always)
    mutating func insert(_ a: Int64, _ b: Int64, value: Int32) -> Int32? {
        precondition(a != Self.empty, "Int64.min cannot be a key")
        if 2 * (count + 1) > slots.count { grow() }
        var i = slot(a, b)
        while true {
            let s = slots[i]
            if s.first == Self.empty {
                slots[i] = Slot(first: a, second: b, value: value)
                count += 1
                return nil
            }
            if s.first == a && s.second == b { return s.value }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        var bigger = BAACKeyTable(capacity: slots.count)
        for s in slots where s.first != Self.empty {
            _ = bigger.insert(s.first, s.second, value: s.value)
        }
        self = bigger
    }
}
