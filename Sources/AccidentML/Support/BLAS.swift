import COpenBLAS

/// A scalar OpenBLAS computes with: thin, column-major wrappers over the CBLAS routines
/// the linear models need, so that one generic kernel serves Float and Double matrices.
///
/// Every matrix is column-major with a leading dimension (`ld`), the layout of `FeatureMatrix`.
/// Sizes must fit OpenBLAS's 32-bit `blasint`.
protocol BLASScalar: BinaryFloatingPoint & SIMDScalar & Sendable & Codable {
    /// y = alpha * op(A) * x + beta * y, where A is `rows` x `columns` (op = transpose or not).
    static func gemv(transpose: Bool, rows: Int, columns: Int, alpha: Self,
                     a: UnsafePointer<Self>, lda: Int, x: UnsafePointer<Self>,
                     beta: Self, y: UnsafeMutablePointer<Self>)
    /// C = alpha * op(A) * op(B) + beta * C, with op(A) `m` x `k`, op(B) `k` x `n`, C `m` x `n`.
    static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Self,
                     a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
                     beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
    /// The dot product of two contiguous vectors of `count` values.
    static func dot(count: Int, _ x: UnsafePointer<Self>, _ y: UnsafePointer<Self>) -> Self
    /// y += alpha * x over `count` contiguous values.
    static func axpy(count: Int, alpha: Self, x: UnsafePointer<Self>, y: UnsafeMutablePointer<Self>)
}

/// Converts a size to OpenBLAS's `blasint`, trapping on overflow (a programmer error).
@inline(__always)
func blasInt(_ value: Int) -> Int32 {
    precondition(value >= 0 && value <= Int(Int32.max), "size \(value) does not fit OpenBLAS's 32-bit blasint")
    return Int32(value)
}

@inline(__always)
private func cblasTranspose(_ transpose: Bool) -> CBLAS_TRANSPOSE {
    transpose ? CblasTrans : CblasNoTrans
}

extension Float: BLASScalar {
    static func gemv(transpose: Bool, rows: Int, columns: Int, alpha: Float,
                     a: UnsafePointer<Float>, lda: Int, x: UnsafePointer<Float>,
                     beta: Float, y: UnsafeMutablePointer<Float>) {
        cblas_sgemv(CblasColMajor, cblasTranspose(transpose), blasInt(rows), blasInt(columns),
                    alpha, a, blasInt(max(lda, 1)), x, 1, beta, y, 1)
    }

    static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                     a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                     beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasColMajor, cblasTranspose(transposeA), cblasTranspose(transposeB),
                    blasInt(m), blasInt(n), blasInt(k), alpha, a, blasInt(max(lda, 1)),
                    b, blasInt(max(ldb, 1)), beta, c, blasInt(max(ldc, 1)))
    }

    static func dot(count: Int, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) -> Float {
        cblas_sdot(blasInt(count), x, 1, y, 1)
    }

    static func axpy(count: Int, alpha: Float, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        cblas_saxpy(blasInt(count), alpha, x, 1, y, 1)
    }
}

extension Double: BLASScalar {
    static func gemv(transpose: Bool, rows: Int, columns: Int, alpha: Double,
                     a: UnsafePointer<Double>, lda: Int, x: UnsafePointer<Double>,
                     beta: Double, y: UnsafeMutablePointer<Double>) {
        cblas_dgemv(CblasColMajor, cblasTranspose(transpose), blasInt(rows), blasInt(columns),
                    alpha, a, blasInt(max(lda, 1)), x, 1, beta, y, 1)
    }

    static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                     a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
                     beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int) {
        cblas_dgemm(CblasColMajor, cblasTranspose(transposeA), cblasTranspose(transposeB),
                    blasInt(m), blasInt(n), blasInt(k), alpha, a, blasInt(max(lda, 1)),
                    b, blasInt(max(ldb, 1)), beta, c, blasInt(max(ldc, 1)))
    }

    static func dot(count: Int, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>) -> Double {
        cblas_ddot(blasInt(count), x, 1, y, 1)
    }

    static func axpy(count: Int, alpha: Double, x: UnsafePointer<Double>, y: UnsafeMutablePointer<Double>) {
        cblas_daxpy(blasInt(count), alpha, x, 1, y, 1)
    }
}
