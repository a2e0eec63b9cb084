import RealModule

/// Logits to probabilities for the linear models: SIMD kernels over blocks of 8 rows for batches,
/// and plain scalar versions for one row (the reference the kernels are tested against).
enum LinearActivation {
    typealias Vector = SIMD8<Float>

    /// e^x for 8 lanes: Cody–Waite reduction x = n ln2 + r, a degree-6 polynomial for e^r on
    /// |r| ≤ ln2 / 2 (Cephes expf, ~2 ulp), and 2^n built in the exponent bits. Inputs are
    /// clamped to [-87, 88], so the result is a finite, normal Float.
    @inline(__always)
    static func exp(_ x: Vector) -> Vector {
        let x = x.clamped(lowerBound: Vector(repeating: -87), upperBound: Vector(repeating: 88))
        let magic = Vector(repeating: 12_582_912)  // 1.5 * 2^23: adding it rounds to an integer
        let shifted = x * Vector(repeating: 1.442_695_04) + magic
        let n = shifted - magic
        var r = x - n * Vector(repeating: 0.693_359_375)
        r = r - n * Vector(repeating: -2.121_944_4e-4)
        var p = Vector(repeating: 1.987_569_15e-4)
        p = p * r + Vector(repeating: 1.398_199_95e-3)
        p = p * r + Vector(repeating: 8.333_451_9e-3)
        p = p * r + Vector(repeating: 4.166_579_59e-2)
        p = p * r + Vector(repeating: 1.666_666_55e-1)
        p = p * r + Vector(repeating: 5.000_000_12e-1)
        p = p * (r * r) + r + Vector(repeating: 1)
        let exponent = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- unsafeBitCast(magic, to: SIMD8<Int32>.self)
        return p * unsafeBitCast((exponent &+ 127) &<< 23, to: Vector.self)
    }

    /// Binary probabilities of rows `range`: `out[2r] = 1 - σ(z + b)`, `out[2r + 1] = σ(z + b)`,
    /// each side computed from e^-|z| so that neither loses precision to a subtraction.
    static func sigmoid(logits z: UnsafeBufferPointer<Float>, intercept: Float, rows range: Range<Int>,
                        into out: UnsafeMutableBufferPointer<Float>) {
        precondition(range.upperBound <= z.count && 2 * range.upperBound <= out.count, "buffers too small")
        var r = range.lowerBound
        while r < range.upperBound {
            let lanes = min(Vector.scalarCount, range.upperBound - r)
            var v = Vector(repeating: 0)
            for l in 0..<lanes { v[l] = z[r + l] }
            v += Vector(repeating: intercept)
            let e = exp(v.replacing(with: -v, where: v .> 0))  // e^-|v|
            let large = 1 / (1 + e), small = e * large
            let positive = v .>= 0
            let p1 = small.replacing(with: large, where: positive)
            let p0 = large.replacing(with: small, where: positive)
            for l in 0..<lanes { out[2 * (r + l)] = p0[l]; out[2 * (r + l) + 1] = p1[l] }
            r += lanes
        }
    }

    /// Softmax of rows `range` from class-major logits (`z[k * rowCount + r]`) plus intercepts,
    /// into row-major `out[r * classCount + k]`.
    static func softmax(logits z: UnsafeBufferPointer<Float>, rowCount: Int, intercepts: UnsafeBufferPointer<Float>,
                        rows range: Range<Int>, into out: UnsafeMutableBufferPointer<Float>) {
        let k = intercepts.count
        precondition(k >= 2 && z.count == rowCount * k && range.upperBound <= rowCount
                     && range.upperBound * k <= out.count, "buffers too small")
        var r = range.lowerBound
        while r < range.upperBound {
            let lanes = min(Vector.scalarCount, range.upperBound - r)
            func load(_ j: Int) -> Vector {
                var v = Vector(repeating: 0)
                for l in 0..<lanes { v[l] = z[j * rowCount + r + l] }
                return v + Vector(repeating: intercepts[j])
            }
            var top = load(0)
            for j in 1..<k { top = pointwiseMax(top, load(j)) }
            var sum = Vector(repeating: 0)
            for j in 0..<k {  // e^(z - max) parked in `out`, then scaled by 1 / sum
                let e = exp(load(j) - top)
                sum += e
                for l in 0..<lanes { out[(r + l) * k + j] = e[l] }
            }
            let inverse = 1 / sum
            for l in 0..<lanes { for j in 0..<k { out[(r + l) * k + j] *= inverse[l] } }
            r += lanes
        }
    }

    /// Scalar reference of `sigmoid` for one logit: (1 - σ(z), σ(z)).
    static func sigmoid(_ z: Float) -> (negative: Float, positive: Float) {
        let e = Float.exp(-abs(z))
        let large = 1 / (1 + e), small = e * large
        return z >= 0 ? (small, large) : (large, small)
    }

    /// Scalar reference of `softmax` for one row, in place.
    static func softmax(_ values: UnsafeMutableBufferPointer<Float>) {
        var top = -Float.infinity
        for v in values { top = max(top, v) }
        var sum: Float = 0
        for j in values.indices { values[j] = Float.exp(values[j] - top); sum += values[j] }
        let inverse = 1 / sum
        for j in values.indices { values[j] *= inverse }
    }
}
