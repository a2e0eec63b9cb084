import COpenBLAS

/// A scalar OpenBLAS computes with: thin, column-major wrappers over the CBLAS routines
/// the linear models need, so that one generic kernel serves Float and Double matrices.
///
/// Every matrix is column-major with a leading dimension (`ld`), the layout of `FeatureMatrix`.
/// Sizes must fit OpenBLAS's 32-bit `blasint`.
protocol BLASScalar: BinaryFloatingPoint & SIMDScalar & Sendable & Codable {
    /// OpenBLAS's `cblas_?gemv` for this scalar.
    static var cblasGEMV: GEMVRoutine { get }
    /// OpenBLAS's `cblas_?gemm` for this scalar.
    static var cblasGEMM: GEMMRoutine { get }
    /// OpenBLAS's `cblas_?dot` for this scalar.
    static var cblasDOT: DOTRoutine { get }
    /// OpenBLAS's `cblas_?axpy` for this scalar.
    static var cblasAXPY: AXPYRoutine { get }
}

extension BLASScalar {
    /// The C signature of `cblas_?gemv`.
    typealias GEMVRoutine = (CBLAS_ORDER, CBLAS_TRANSPOSE, blasint, blasint, Self, UnsafePointer<Self>?, blasint,
                             UnsafePointer<Self>?, blasint, Self, UnsafeMutablePointer<Self>?, blasint) -> Void
    /// The C signature of `cblas_?gemm`.
    typealias GEMMRoutine = (CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE, blasint, blasint, blasint, Self,
                             UnsafePointer<Self>?, blasint, UnsafePointer<Self>?, blasint, Self,
                             UnsafeMutablePointer<Self>?, blasint) -> Void
    /// The C signature of `cblas_?dot`.
    typealias DOTRoutine = (blasint, UnsafePointer<Self>?, blasint, UnsafePointer<Self>?, blasint) -> Self
    /// The C signature of `cblas_?axpy`.
    typealias AXPYRoutine = (blasint, Self, UnsafePointer<Self>?, blasint, UnsafeMutablePointer<Self>?, blasint) -> Void
}

extension Float: BLASScalar {
    static var cblasGEMV: GEMVRoutine { cblas_sgemv }
    static var cblasGEMM: GEMMRoutine { cblas_sgemm }
    static var cblasDOT: DOTRoutine { cblas_sdot }
    static var cblasAXPY: AXPYRoutine { cblas_saxpy }
}

extension Double: BLASScalar {
    static var cblasGEMV: GEMVRoutine { cblas_dgemv }
    static var cblasGEMM: GEMMRoutine { cblas_dgemm }
    static var cblasDOT: DOTRoutine { cblas_ddot }
    static var cblasAXPY: AXPYRoutine { cblas_daxpy }
}

extension BLASScalar {
    /// y = alpha * op(A) * x + beta * y, where A is `rows` x `columns` (op = transpose or not).
    static func gemv(transpose: Bool, rows: Int, columns: Int, alpha: Self,
                     a: UnsafePointer<Self>, lda: Int, x: UnsafePointer<Self>,
                     beta: Self, y: UnsafeMutablePointer<Self>) {
        cblasGEMV(CblasColMajor, cblasTranspose(transpose), blasInt(rows), blasInt(columns),
                  alpha, a, blasInt(max(lda, 1)), x, 1, beta, y, 1)
    }

    /// C = alpha * op(A) * op(B) + beta * C, with op(A) `m` x `k`, op(B) `k` x `n`, C `m` x `n`.
    static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Self,
                     a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
                     beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int) {
        cblasGEMM(CblasColMajor, cblasTranspose(transposeA), cblasTranspose(transposeB),
                  blasInt(m), blasInt(n), blasInt(k), alpha, a, blasInt(max(lda, 1)),
                  b, blasInt(max(ldb, 1)), beta, c, blasInt(max(ldc, 1)))
    }

    /// The dot product of two contiguous vectors of `count` values.
    static func dot(count: Int, _ x: UnsafePointer<Self>, _ y: UnsafePointer<Self>) -> Self {
        cblasDOT(blasInt(count), x, 1, y, 1)
    }

    /// y += alpha * x over `count` contiguous values.
    static func axpy(count: Int, alpha: Self, x: UnsafePointer<Self>, y: UnsafeMutablePointer<Self>) {
        cblasAXPY(blasInt(count), alpha, x, 1, y, 1)
    }
}

/// Converts a size to OpenBLAS's `blasint`, trapping on overflow (a programmer error).
@inline(__always)
func blasInt(_ value: Int) -> blasint {
    precondition(value >= 0 && value <= Int(blasint.max), "size \(value) does not fit OpenBLAS's 32-bit blasint")
    return blasint(value)
}

@inline(__always)
private func cblasTranspose(_ transpose: Bool) -> CBLAS_TRANSPOSE {
    transpose ? CblasTrans : CblasNoTrans
}
