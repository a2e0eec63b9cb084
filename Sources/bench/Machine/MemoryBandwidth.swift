import Dispatch

/// The machine's memory read bandwidth: a large Float array summed with SIMD registers, the
/// work split among threads (GCD, blocking), timed; the array is far larger than the caches.
enum MemoryBandwidth {
    /// Plain sum in index order: the reference of `sum`.
    static func plainSum(_ x: UnsafeBufferPointer<Float>) -> Float {
        var total: Float = 0
        for v in x { total += v }
        return total
    }

    /// Sum with four independent 16-lane accumulators (64 floats in flight per step, enough
    /// to keep the loads streaming), the tail added one by one. The order differs from
    /// `plainSum`, so results agree to rounding.
    static func sum(_ x: UnsafeBufferPointer<Float>) -> Float {
        typealias V = SIMD16<Float>
        let step = 4 * V.scalarCount
        var a = V(), b = V(), c = V(), d = V()
        let blocks = x.count / step
        let raw = UnsafeRawPointer(x.baseAddress!)
        for i in 0..<blocks {
            let p = raw + i * step * MemoryLayout<Float>.stride
            a += p.loadUnaligned(as: V.self)
            b += p.loadUnaligned(fromByteOffset: MemoryLayout<V>.stride, as: V.self)
            c += p.loadUnaligned(fromByteOffset: 2 * MemoryLayout<V>.stride, as: V.self)
            d += p.loadUnaligned(fromByteOffset: 3 * MemoryLayout<V>.stride, as: V.self)
        }
        var total = ((a + b) + (c + d)).sum()
        for i in (blocks * step)..<x.count { total += x[i] }
        return total
    }

    /// Read bandwidth in GB/s (10^9 bytes) of `repeats` passes over `bytes` of ones with
    /// `threads` workers, each summing a contiguous share. The sums are checked against the
    /// element count, so no pass can be optimised away.
    static func measure(bytes: Int, threads: Int, repeats: Int) -> MeasuredSide {
        let count = bytes / MemoryLayout<Float>.stride
        let values = [Float](repeating: 1, count: count)
        var partials = [Float](repeating: 0, count: threads)
        let measurement = values.withUnsafeBufferPointer { all in
            partials.withUnsafeMutableBufferPointer { out in
                // The workers write disjoint slots and read disjoint slices; all have returned
                // when concurrentPerform does.
                nonisolated(unsafe) let slots = out, all = all
                return Stopwatch.measure("read bandwidth", repeats: repeats) {
                    DispatchQueue.concurrentPerform(iterations: threads) { t in
                        let lower = count * t / threads, upper = count * (t + 1) / threads
                        slots[t] = sum(UnsafeBufferPointer(rebasing: all[lower..<upper]))
                    }
                    let total = slots.reduce(0, +)
                    precondition(abs(Double(total) - Double(count)) <= 1e-5 * Double(count), "bandwidth sum \(total) != \(count)")
                }
            }
        }
        return measurement.converted { $0.reciprocal(times: Double(count * MemoryLayout<Float>.stride) / 1e9) }
    }
}
