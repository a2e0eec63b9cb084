import Testing
@testable import AccidentML

@Suite struct BLASTests {
    static func values<S: BLASScalar>(_ count: Int, seed: UInt64) -> [S] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in S(rng.nextUnit() * 2 - 1) }
    }

    /// Column-major m x n times k x n transposed or not, checked against plain loops.
    static func checkProducts<S: BLASScalar>(_: S.Type, tolerance: S) {
        let m = 7, n = 5, k = 3
        let a: [S] = values(m * n, seed: 1), x: [S] = values(max(m, n), seed: 2), b: [S] = values(n * k, seed: 3)
        var y = [S](repeating: 1, count: m)
        S.gemv(transpose: false, rows: m, columns: n, alpha: 2, a: a, lda: m, x: x, beta: 0.5, y: &y)
        for i in 0..<m {
            let expected = 2 * (0..<n).reduce(S(0)) { $0 + a[$1 * m + i] * x[$1] } + 0.5
            #expect(abs(y[i] - expected) < tolerance)
        }
        var yt = [S](repeating: 0, count: n)
        S.gemv(transpose: true, rows: m, columns: n, alpha: 1, a: a, lda: m, x: x, beta: 0, y: &yt)
        for j in 0..<n {
            #expect(abs(yt[j] - (0..<m).reduce(S(0)) { $0 + a[j * m + $1] * x[$1] }) < tolerance)
        }
        var c = [S](repeating: 0, count: m * k)
        S.gemm(transposeA: false, transposeB: false, m: m, n: k, k: n, alpha: 1, a: a, lda: m, b: b, ldb: n,
               beta: 0, c: &c, ldc: m)
        for i in 0..<m {
            for j in 0..<k {
                #expect(abs(c[j * m + i] - (0..<n).reduce(S(0)) { $0 + a[$1 * m + i] * b[j * n + $1] }) < tolerance)
            }
        }
        var ct = [S](repeating: 0, count: n * k)  // Aᵀ (n x m) times C (m x k)
        S.gemm(transposeA: true, transposeB: false, m: n, n: k, k: m, alpha: 1, a: a, lda: m, b: c, ldb: m,
               beta: 0, c: &ct, ldc: n)
        #expect(abs(ct[n * k - 1] - (0..<m).reduce(S(0)) { $0 + a[(n - 1) * m + $1] * c[(k - 1) * m + $1] }) < tolerance)
        #expect(abs(S.dot(count: n, a, x) - (0..<n).reduce(S(0)) { $0 + a[$1] * x[$1] }) < tolerance)
        var z = Array(x[..<n])
        S.axpy(count: n, alpha: -3, x: a, y: &z)
        #expect((0..<n).allSatisfy { abs(z[$0] - (x[$0] - 3 * a[$0])) < tolerance })
    }

    @Test func wrappersMatchPlainLoops() {
        Self.checkProducts(Float.self, tolerance: 1e-5)
        Self.checkProducts(Double.self, tolerance: 1e-12)
    }

    @Test func threadControl() {
        #expect(!openblasCoreName().isEmpty)
        let before = openblasThreads
        let inside = withOpenBLASThreads(1) { openblasThreads }
        #expect(inside == 1)
        #expect(openblasThreads == before)
    }
}
