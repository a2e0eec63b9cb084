/// The two products of a linear model over a column-major feature matrix X (`rows` x `columns`),
/// with one output column per coefficient row: gemv for one output, gemm for several.
extension BLASScalar {
    /// Z = X W: W is `columns` x `outputs` (output k's coefficients contiguous), Z is `rows` x
    /// `outputs` (column-major, leading dimension `rows`). X's columns are `leading` apart (at
    /// least `rows`: a block of rows of a taller matrix).
    static func product(_ x: UnsafePointer<Self>, rows n: Int, columns d: Int, leading: Int? = nil,
                        times w: UnsafePointer<Self>, outputs k: Int, into z: UnsafeMutablePointer<Self>) {
        let lda = leading ?? n
        precondition(lda >= n, "leading dimension \(lda) below the row count \(n)")
        if k == 1 {
            gemv(transpose: false, rows: n, columns: d, alpha: 1, a: x, lda: lda, x: w, beta: 0, y: z)
        } else {
            gemm(transposeA: false, transposeB: false, m: n, n: k, k: d, alpha: 1, a: x, lda: lda, b: w, ldb: d,
                 beta: 0, c: z, ldc: n)
        }
    }

    /// G = Xᵀ R: R is `rows` x `outputs`, G is `columns` x `outputs`.
    static func transposedProduct(_ x: UnsafePointer<Self>, rows n: Int, columns d: Int,
                                  times r: UnsafePointer<Self>, outputs k: Int, into g: UnsafeMutablePointer<Self>) {
        if k == 1 {
            gemv(transpose: true, rows: n, columns: d, alpha: 1, a: x, lda: n, x: r, beta: 0, y: g)
        } else {
            gemm(transposeA: true, transposeB: false, m: d, n: k, k: n, alpha: 1, a: x, lda: n, b: r, ldb: n,
                 beta: 0, c: g, ldc: d)
        }
    }
}
