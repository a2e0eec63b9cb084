/// The fast kernels of binning: sorting a sample (radix sort) and binning a whole column
/// (branch-free binary search). `FeatureBinMapper.init(sample:...)` and `bin(of:)` are their
/// plain definitions.
extension FeatureBinMapper {
    /// The sample's present (non-NaN) values in increasing order, -0 written +0: an LSD radix
    /// sort of the values' order-preserving bit patterns, 3 passes of 11 bits.
    static func sortedPresentValues(_ sample: [Float]) -> [Float] {
        var keys = [UInt32](), spare = [UInt32]()
        keys.reserveCapacity(sample.count)
        for v in sample where !v.isNaN { keys.append(orderKey(v + 0)) }
        spare = [UInt32](repeating: 0, count: keys.count)
        keys.withUnsafeMutableBufferPointer { a in
            spare.withUnsafeMutableBufferPointer { b in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 2048) { count in
                    var from = a, to = b
                    for shift: UInt32 in [0, 11, 22] {
                        count.update(repeating: 0)
                        for k in from { count[Int((k >> shift) & 2047)] += 1 }
                        var sum = 0
                        for d in 0..<2048 { (count[d], sum) = (sum, sum + count[d]) }
                        for k in from {
                            let d = Int((k >> shift) & 2047)
                            to[count[d]] = k
                            count[d] += 1
                        }
                        swap(&from, &to)
                    }
                    // Three passes: the sorted keys are in `b`.
                }
            }
        }
        return spare.map(Self.value(ofOrderKey:))
    }

    /// A key whose unsigned order is the Float order (negative values flipped entirely,
    /// positive ones with the sign bit set).
    @inline(__always)
    static func orderKey(_ v: Float) -> UInt32 {
        let b = v.bitPattern
        return b & 0x8000_0000 != 0 ? ~b : b | 0x8000_0000
    }

    @inline(__always)
    static func value(ofOrderKey k: UInt32) -> Float {
        Float(bitPattern: k & 0x8000_0000 != 0 ? k & 0x7FFF_FFFF : ~k)
    }

    /// Writes the bin of every value of `column` into `out`, what `bin(of:)` gives, with a
    /// branch-free binary search (the comparisons are unpredictable): values and bounds are
    /// compared as order keys, whose difference's sign is a mask, since LLVM turns any select
    /// in this loop back into a branch.
    func bins(of column: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<UInt8>) {
        precondition(out.count >= column.count, "one output byte per value")
        let missing = UInt8(truncatingIfNeeded: missingBin)
        let keys = upperBounds.map { Int64(Self.orderKey($0 + 0)) }
        keys.withUnsafeBufferPointer { bounds in
            let ub = bounds.baseAddress!, count = bounds.count
            for (i, v) in column.enumerated() {
                // First b with v <= bound b; the last bound is +infinity.
                let key = Int64(Self.orderKey(v + 0))
                var base = 0, n = count
                while n > 1 {
                    let half = n >> 1
                    let below = Int((ub[base &+ half &- 1] &- key) >> 63)  // -1 when bound < v
                    base &+= half & below
                    n &-= half
                }
                out[i] = v.isNaN ? missing : UInt8(truncatingIfNeeded: base)
            }
        }
    }
}
