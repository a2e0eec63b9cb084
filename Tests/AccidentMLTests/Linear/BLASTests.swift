import Testing
@testable import AccidentML

@Suite struct BLASTests {
    static func values<S: BLASScalar>(_ count: Int, seed: UInt64) -> [S] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in S(rng.nextUnit() * 2 - 1) }
    }

    /// Higham's bound for two evaluations of Σ terms (BLAS in its kernel's order and FMA use, the
    /// plain loop in index order) of m terms each: each is within γ(m) Σ |terms| of the exact sum.
    static func bound<S: BLASScalar>(_ terms: [S]) -> S {
        let m = S(terms.count + 2), u: S = S.ulpOfOne / 2  // + 2: the alpha and beta roundings
        var magnitude: S = 0
        for t in terms { magnitude += abs(t) }
        let gamma: S = m * u / (1 - m * u)
        return 2 * gamma * magnitude
    }

    /// Whether `value` is `Σ terms` within `bound(terms)` (the plain loop sums in index order).
    static func close<S: BLASScalar>(_ value: S, _ terms: [S]) -> Bool {
        var sum: S = 0
        for t in terms { sum += t }
        let error: S = abs(value - sum)
        return error <= bound(terms)
    }

    /// Column-major m x n times k x n transposed or not, checked against plain loops within the
    /// rounding bound of both (so on any OpenBLAS kernel set).
    static func checkProducts<S: BLASScalar>(_: S.Type) {
        let m = 7, n = 5, k = 3
        let a: [S] = values(m * n, seed: 1), x: [S] = values(max(m, n), seed: 2), b: [S] = values(n * k, seed: 3)
        var y = [S](repeating: 1, count: m)
        S.gemv(transpose: false, rows: m, columns: n, alpha: 2, a: a, lda: m, x: x, beta: 0.5, y: &y)
        for i in 0..<m {
            var terms: [S] = (0..<n).map { (j: Int) -> S in 2 * a[j * m + i] * x[j] }
            terms.append(0.5)
            #expect(close(y[i], terms))
        }
        var yt = [S](repeating: 0, count: n)
        S.gemv(transpose: true, rows: m, columns: n, alpha: 1, a: a, lda: m, x: x, beta: 0, y: &yt)
        for j in 0..<n {
            let terms: [S] = (0..<m).map { (i: Int) -> S in a[j * m + i] * x[i] }
            #expect(close(yt[j], terms))
        }
        var c = [S](repeating: 0, count: m * k)
        S.gemm(transposeA: false, transposeB: false, m: m, n: k, k: n, alpha: 1, a: a, lda: m, b: b, ldb: n,
               beta: 0, c: &c, ldc: m)
        for i in 0..<m {
            for j in 0..<k {
                let terms: [S] = (0..<n).map { (l: Int) -> S in a[l * m + i] * b[j * n + l] }
                #expect(close(c[j * m + i], terms))
            }
        }
        var ct = [S](repeating: 0, count: n * k)  // Aᵀ (n x m) times C (m x k)
        S.gemm(transposeA: true, transposeB: false, m: n, n: k, k: m, alpha: 1, a: a, lda: m, b: c, ldb: m,
               beta: 0, c: &ct, ldc: n)
        let lastTerms: [S] = (0..<m).map { (i: Int) -> S in a[(n - 1) * m + i] * c[(k - 1) * m + i] }
        #expect(close(ct[n * k - 1], lastTerms))
        let dotTerms: [S] = (0..<n).map { (i: Int) -> S in a[i] * x[i] }
        #expect(close(S.dot(count: n, a, x), dotTerms))
        var z = Array(x[..<n])
        S.axpy(count: n, alpha: -3, x: a, y: &z)
        for i in 0..<n {
            let terms: [S] = [x[i], -3 * a[i]]
            #expect(close(z[i], terms))
        }
    }

    @Test func wrappersMatchPlainLoops() {
        Self.checkProducts(Float.self)
        Self.checkProducts(Double.self)
    }

    @Test func threadControl() {
        #expect(!openblasCoreName().isEmpty)
        let before = openblasThreads
        let inside = withOpenBLASThreads(1) { openblasThreads }
        #expect(inside == 1)
        #expect(openblasThreads == before)
    }
}
