/// Least-significant-digit radix sort of unsigned integer keys: a fixed number of linear passes
/// instead of a comparison sort's n log n; the metrics' ROC rankings sort tens of thousands of
/// keys at every learning-curve point. `Array.sort()` is its test oracle.
enum RadixSort {
    /// Bits per pass: 2,048 counters (16 KiB) stay in the L1 cache.
    static let digitBits = 11
    /// Below this many keys the standard sort is as fast and needs no scratch.
    static let minimumCount = 512

    /// Sorts `keys` ascending, all of which must be below `2^significantBits` (at most 64).
    static func sort(_ keys: inout [UInt64], significantBits: Int) {
        precondition((1...64).contains(significantBits), "significant bits must be in 1...64")
        let n = keys.count
        guard n >= minimumCount else { keys.sort(); return }
        let passes = (significantBits + digitBits - 1) / digitBits, mask = UInt64(1 << digitBits - 1)
        var scratch = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 1 << digitBits)
        for pass in 0..<passes {
            let shift = UInt64(pass * digitBits)
            keys.withUnsafeBufferPointer { src in
                scratch.withUnsafeMutableBufferPointer { dst in
                    counts.withUnsafeMutableBufferPointer { c in
                        c.update(repeating: 0)
                        for k in src { c[Int((k >> shift) & mask)] += 1 }
                        var total = 0
                        for d in c.indices { (c[d], total) = (total, total + c[d]) }
                        for k in src {
                            let d = Int((k >> shift) & mask)
                            dst[c[d]] = k
                            c[d] += 1
                        }
                    }
                }
            }
            swap(&keys, &scratch)
        }
    }
}
