@testable import AccidentML
import RealModule

/// What a logistic fit on Float or Double features must satisfy against the oracle's Double
/// problem, whatever the BLAS kernel (summation order, FMA, blocking) or thread count, derived
/// from the method:
///
/// 1. Gradient. L-BFGS stopped where the gradient it computed had max |g̃ᵢ| = `gradientMaxNorm`;
///    that gradient is within `NewtonLogisticOracle.rounding(of: Scalar.self, at:)` of the
///    oracle's, so |∇f(θ)ᵢ| ≤ gradientMaxNorm + allowanceᵢ (+ |Σ b| for the oracle's gauge term on
///    the softmax intercepts).
/// 2. Parameters. The objective (with the oracle's gauge term) is μ-strongly convex on the segment
///    from θ to the optimum θ*, so ‖θ - θ*‖₂ ≤ ‖∇f(θ)‖₂ / μ. The logistic loss is self-concordant in
///    the generalised sense (Bach 2010): along a step of length D its Hessian shrinks by at most
///    exp(-2 R D), R = maxᵢ ‖(xᵢ, 1)‖₂ (the 2 covers softmax, whose third derivative is bounded by
///    the range of the logit change). The penalty and gauge parts are constant, so
///    μ ≥ exp(-2 R D) λmin(∇²f(θ*)), and with bound 1 for ‖∇f(θ)‖₂:
///      D ≤ ‖gradientMaxNorm + allowance‖₂ · exp(2 R D) / λmin(∇²f(θ*)).
///
/// A broken float path (a dropped column, wrongly scaled features) converges to the optimum of
/// another problem: its Double gradient is far beyond the rounding allowance (bound 1 fails).
struct FitBound {
    let oracle: NewtonLogisticOracle
    let optimum: [Double]
    /// A lower bound on the smallest eigenvalue of the oracle's Hessian at the optimum.
    let curvature: Double
    /// maxᵢ ‖(xᵢ, 1)‖₂.
    let radius: Double

    init(_ oracle: NewtonLogisticOracle) {
        self.oracle = oracle
        optimum = oracle.solve()
        curvature = Self.smallestEigenvalueLowerBound(oracle.derivatives(optimum).hessian, oracle.dimension)
        radius = (0..<oracle.x.rowCount).map { r in
            (oracle.x.row(r).reduce(1) { $0 + $1 * $1 }).squareRoot()
        }.max()!
    }

    struct Verdict {
        /// Largest |∇f(θ)ᵢ| - (gradientMaxNorm + allowanceᵢ): ≤ 0 when bound 1 holds.
        var gradientExcess: Double
        /// ‖θ - θ*‖₂.
        var distance: Double
        /// The right-hand side of bound 2.
        var distanceBound: Double
        var holds: Bool { gradientExcess <= 0 && distance <= distanceBound }
    }

    /// Checks a fit trained on `Scalar` features (the oracle's, or those rounded to Float).
    /// `magnitudes`: as in `NewtonLogisticOracle.rounding`, for a fit on the sparse path.
    func check<Scalar: BLASScalar>(_ fit: LogisticFit, trainedOn _: Scalar.Type,
                                   magnitudes: FeatureMatrix<Double>? = nil) -> Verdict {
        let theta = fit.model.coefficients + fit.model.intercepts
        var allowance = oracle.rounding(of: Scalar.self, at: theta, magnitudes: magnitudes).gradient
        let rows = oracle.rows, interceptStart = rows * oracle.d
        let gauge = rows > 1 ? abs(theta[interceptStart...].reduce(0, +)) : 0  // the oracle's ½(Σ b)² term
        for a in 0..<rows { allowance[interceptStart + a] += gauge }
        let gradient = oracle.derivatives(theta, hessian: false).gradient
        let excess = zip(gradient, allowance).map { abs($0) - (fit.gradientMaxNorm + $1) }.max()!
        let distance = zip(theta, optimum).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        let gradientBound = allowance.reduce(0) { $0 + (fit.gradientMaxNorm + $1) * (fit.gradientMaxNorm + $1) }.squareRoot()
        return Verdict(gradientExcess: excess, distance: distance,
                       distanceBound: gradientBound * Double.exp(2 * radius * distance) / curvature)
    }

    /// f(θ) - f(θ*) ≤ ‖∇f(θ)‖₂² / (2μ) for a μ-strongly convex f, μ ≥ exp(-2 R D) λmin as above.
    func objectiveGap(at theta: [Double]) -> Double {
        let gradient = oracle.derivatives(theta, hessian: false).gradient
        let distance = zip(theta, optimum).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        return gradient.reduce(0) { $0 + $1 * $1 } * Double.exp(2 * radius * distance) / (2 * curvature)
    }

    /// The largest t (by bisection) for which A - t I has a Cholesky factorisation, i.e. is
    /// positive definite, less the factorisation's rounding: a lower bound on λmin(A).
    static func smallestEigenvalueLowerBound(_ a: [Double], _ n: Int) -> Double {
        func positiveDefinite(shift t: Double) -> Bool {
            var l = [Double](repeating: 0, count: n * n)
            for i in 0..<n {
                for j in 0...i {
                    var s = a[i * n + j] - (i == j ? t : 0)
                    for m in 0..<j { s -= l[i * n + m] * l[j * n + m] }
                    if i == j {
                        guard s > 0 else { return false }
                        l[i * n + i] = s.squareRoot()
                    } else {
                        l[i * n + j] = s / l[j * n + j]
                    }
                }
            }
            return true
        }
        precondition(positiveDefinite(shift: 0), "the oracle's Hessian must be positive definite")
        var low = 0.0, high = (0..<n).map { a[$0 * n + $0] }.min()!  // λmin ≤ min diagonal
        for _ in 0..<60 {
            let mid = (low + high) / 2
            if positiveDefinite(shift: mid) { low = mid } else { high = mid }
        }
        // A Cholesky factorisation that succeeds in floating point is exact for A + E with
        // ‖E‖₂ ≤ 2(n+1) u trace(A) (Demmel); so subtract that from the shift it accepted.
        let trace = (0..<n).reduce(0) { $0 + a[$1 * n + $1] }
        return max(0, low - 2 * Double(n + 1) * Double.ulpOfOne * trace)
    }
}
