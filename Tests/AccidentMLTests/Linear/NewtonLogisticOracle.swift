@testable import AccidentML
import RealModule

/// The test oracle for logistic regression: the same scaled objective written with plain
/// loops (no BLAS), minimised by damped Newton steps with a dense Hessian and a hand-written
/// Cholesky solve, to a gradient of 1e-12. Small problems only.
///
/// Parameters use the trainer's layout (coefficient rows, then intercepts). For softmax the
/// intercepts are only defined up to a common shift; the oracle adds ½(Σ b)², which is 0 at the
/// trainer's solution (L-BFGS from 0 keeps Σ b = 0), to make the optimum unique.
struct NewtonLogisticOracle {
    let x: FeatureMatrix<Double>
    let labels: [Int32]
    let classCount: Int
    let weights: [Double]
    let c: Double
    let fitIntercept: Bool

    var rows: Int { ClassScores.columns(classCount: classCount) }
    var d: Int { x.columnCount }
    var dimension: Int { rows * (d + 1) }

    /// Objective (without the gauge term), gradient and, if asked, Hessian (with it) at `theta`.
    func derivatives(_ theta: [Double], hessian withHessian: Bool = true) -> (value: Double, gradient: [Double], hessian: [Double]) {
        let total = weights.reduce(0, +), p = dimension
        var value = 0.0, gradient = [Double](repeating: 0, count: p)
        var hessian = [Double](repeating: 0, count: withHessian ? p * p : 0)
        func index(_ k: Int, _ j: Int) -> Int { j < d ? k * d + j : rows * d + k }  // j == d: intercept
        for r in 0..<x.rowCount {
            let features = x.row(r) + [1]
            let logits = (0..<rows).map { k in (0..<d).reduce(theta[rows * d + k]) { $0 + theta[k * d + $1] * features[$1] } }
            let probabilities: [Double], residuals: [Double], loss: Double
            let w = weights[r] / total, y = Int(labels[r])
            if rows == 1 {
                let q = 1 / (1 + Double.exp(-logits[0]))
                probabilities = [q]
                residuals = [q - Double(y)]
                loss = y == 1 ? -Double.log(q) : -Double.log(1 - q)
            } else {
                let top = logits.max()!, sum = logits.reduce(0) { $0 + Double.exp($1 - top) }
                probabilities = logits.map { Double.exp($0 - top) / sum }
                residuals = (0..<rows).map { probabilities[$0] - ($0 == y ? 1 : 0) }
                loss = top + Double.log(sum) - logits[y]
            }
            value += w * loss
            for a in 0..<rows {
                for j in 0...d where j < d || fitIntercept { gradient[index(a, j)] += w * residuals[a] * features[j] }
                for b in 0..<rows where withHessian {
                    let curvature = rows == 1 ? probabilities[0] * (1 - probabilities[0])
                        : probabilities[a] * ((a == b ? 1 : 0) - probabilities[b])
                    for j in 0...d where j < d || fitIntercept {
                        for l in 0...d where l < d || fitIntercept {
                            hessian[index(a, j) * p + index(b, l)] += w * curvature * features[j] * features[l]
                        }
                    }
                }
            }
        }
        let penalty = 1 / (c * total)
        for i in 0..<(rows * d) {
            value += 0.5 * penalty * theta[i] * theta[i]
            gradient[i] += penalty * theta[i]
            if withHessian { hessian[i * p + i] += penalty }
        }
        let interceptSum = (0..<rows).reduce(0) { $0 + theta[rows * d + $1] }
        for a in 0..<rows {
            let ia = rows * d + a
            if !fitIntercept {
                if withHessian { hessian[ia * p + ia] = 1 }
                continue
            }
            if rows > 1 {
                gradient[ia] += interceptSum
                for b in 0..<rows where withHessian { hessian[ia * p + rows * d + b] += 1 }
            }
        }
        return (value, gradient, hessian)
    }

    /// The plain objective: the first element of `derivatives`.
    func value(_ theta: [Double]) -> Double { derivatives(theta, hessian: false).value }

    /// The optimum, by damped Newton from 0.
    func solve() -> [Double] {
        var theta = [Double](repeating: 0, count: dimension)
        for _ in 0..<100 {
            let (f, g, h) = derivatives(theta)
            if g.map(abs).max()! < 1e-12 { break }
            let step = Self.choleskySolve(h, g.map { -$0 }, dimension)
            var t = 1.0
            let slope = zip(g, step).reduce(0) { $0 + $1.0 * $1.1 }
            while t > 1e-10 {
                let candidate = zip(theta, step).map { $0 + t * $1 }
                if value(candidate) <= f + 1e-4 * t * slope || t < 1e-3 { theta = candidate; break }
                t /= 2
            }
        }
        return theta
    }

    /// Solves A z = b for a symmetric positive definite A (row-major n x n).
    static func choleskySolve(_ a: [Double], _ b: [Double], _ n: Int) -> [Double] {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var s = a[i * n + j]
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = i == j ? s.squareRoot() : s / l[j * n + j]
            }
        }
        var z = b
        for i in 0..<n { for k in 0..<i { z[i] -= l[i * n + k] * z[k] }; z[i] /= l[i * n + i] }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { z[i] -= l[k * n + i] * z[k] }
            z[i] /= l[i * n + i]
        }
        return z
    }
}
