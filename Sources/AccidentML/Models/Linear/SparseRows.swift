import RealModule

/// The CSR arrays of a `SparseDesign` as raw pointers, with the two row-block products of the
/// sparse pass. Coefficients and gradients are feature-major: feature j's k values at j k.
struct SparseRows<Scalar: BLASScalar> {
    let starts: UnsafePointer<Int>
    let columns: UnsafePointer<Int32>
    let values: UnsafePointer<Scalar>

    /// z[a * leading + i] = base[a] + Σ D[r, j] W[j, a] for row r = range.lowerBound + i, summed
    /// in Double in storage order and rounded to Scalar.
    func logits(_ range: Range<Int>, k: Int, base: [Double], weights: UnsafePointer<Double>,
                into z: UnsafeMutablePointer<Scalar>, leading: Int) {
        let first = range.lowerBound
        if k == 1 {
            let offset = base[0]
            for r in range {
                var sum = offset
                for e in starts[r]..<starts[r + 1] {
                    sum = Relaxed.multiplyAdd(Double(values[e]), weights[Int(columns[e])], sum)
                }
                z[r - first] = Scalar(sum)
            }
            return
        }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: k) { sums in
            for r in range {
                for a in 0..<k { sums[a] = base[a] }
                for e in starts[r]..<starts[r + 1] {
                    let v = Double(values[e]), w = weights + Int(columns[e]) * k
                    for a in 0..<k { sums[a] = Relaxed.multiplyAdd(v, w[a], sums[a]) }
                }
                for a in 0..<k { z[a * leading + r - first] = Scalar(sums[a]) }
            }
        }
    }

    /// g (zeroed first, `count` = features x k) = Σ over the rows of `range` of D[r, ·]ᵀ R[r, ·],
    /// R[r, a] at residuals[a * leading + r - range.lowerBound]; Double sums in row order.
    func transposedProduct(_ range: Range<Int>, k: Int, residuals: UnsafeMutablePointer<Scalar>, leading: Int,
                           into g: UnsafeMutablePointer<Double>, count: Int) {
        g.update(repeating: 0, count: count)
        let first = range.lowerBound
        if k == 1 {
            for r in range {
                let residual = Double(residuals[r - first])
                for e in starts[r]..<starts[r + 1] {
                    let j = Int(columns[e])
                    g[j] = Relaxed.multiplyAdd(Double(values[e]), residual, g[j])
                }
            }
            return
        }
        for r in range {
            for e in starts[r]..<starts[r + 1] {
                let v = Double(values[e]), out = g + Int(columns[e]) * k
                for a in 0..<k { out[a] = Relaxed.multiplyAdd(v, Double(residuals[a * leading + r - first]), out[a]) }
            }
        }
    }
}
