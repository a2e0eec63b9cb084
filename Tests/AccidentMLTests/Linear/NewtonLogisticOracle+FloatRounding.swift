@testable import AccidentML
import RealModule

extension NewtonLogisticOracle {
    /// A BLAS scalar's unit roundoff plus Double's: every rounding of the objective's BLAS path,
    /// and of the Double parts around it (loss pass, this oracle), has relative error at most this.
    static func unitRoundoff<Scalar: BLASScalar>(_: Scalar.Type) -> Double { Double(Scalar.ulpOfOne) / 2 + Double.ulpOfOne }

    /// Higham's γ(m) = m u / (1 - m u): the relative error bound of an m-term dot product
    /// summed in any order (so whatever the BLAS kernel's blocking, FMA use or thread split).
    static func gamma(_ m: Int, unit: Double) -> Double {
        let mu = Double(m) * unit
        precondition(mu < 1, "rounding bound undefined for \(m) terms")
        return mu / (1 - mu)
    }

    /// How far `LogisticObjective<Scalar>` at `theta` may be from this oracle's value and
    /// gradient (without the gauge term, so callers keep Σ b = 0 or add it), by rounding alone.
    ///
    /// The objective computes the logits X̃W̃ in Scalar (features and weights rounded, d-term
    /// sums): row i's logits are off by at most δᵢ = γ(d+2) maxₖ Σⱼ |xᵢⱼ wₖⱼ|. The loss (softplus
    /// or log-sum-exp, both 1-Lipschitz in the max-norm of the logits) then moves by at most
    /// ωᵢ δᵢ, summed in Double. A residual moves by at most ωᵢ δᵢ / 2 (the softmax Jacobian's rows
    /// have 1-norm 2pₖ(1-pₖ) ≤ ½, the sigmoid's slope is ≤ ¼); it is rounded to Scalar and Xᵀ R is
    /// summed in Scalar over n rows: coefficient (k, j) is off by at most
    ///   γ(n+3) Σᵢ |xᵢⱼ rᵢₖ| + (1 + γ(n+3)) Σᵢ |xᵢⱼ| ωᵢ δᵢ / 2,
    /// and intercept k (summed in Double from those residuals) by Σᵢ ωᵢ δᵢ / 2 + γ_double(n) Σᵢ |rᵢₖ|.
    /// ωᵢ are the normalised weights, rᵢₖ = ωᵢ (pᵢₖ - yᵢₖ).
    ///
    /// `magnitudes`, when given, replaces |xᵢⱼ| in those terms: the sparse path (`SparseDesign`)
    /// sums bⱼwₖⱼ over all columns and (xᵢⱼ - bⱼ)wₖⱼ over the deviations (each rounded once to
    /// Scalar) in Double, at most 2d + 1 terms bounded by (|xᵢⱼ| + 2|bⱼ|)|wₖⱼ| (as |bⱼ| +
    /// |xᵢⱼ - bⱼ| ≤ |xᵢⱼ| + 2|bⱼ|), then rounds the logit to Scalar. With the features' and
    /// weights' rounding that is 4 u_S + γ_D(2d+1) for Float, u + γ(2d+1) for Double, within
    /// γ(d+2) (u = u_S + u_D) for d ≥ 2; its
    /// gradient b (Σᵢ rᵢ) + Dᵀ R likewise sums terms bounded by (|xᵢⱼ| + 2|bⱼ|)|rᵢₖ|. So
    /// magnitudes |xᵢⱼ| + 2|bⱼ| bound that path's rounding with the same formulas.
    func rounding<Scalar: BLASScalar>(of _: Scalar.Type, at theta: [Double],
                                      magnitudes: FeatureMatrix<Double>? = nil) -> (value: Double, gradient: [Double]) {
        let n = x.rowCount, k = rows, total = weights.reduce(0, +), unit = Self.unitRoundoff(Scalar.self)
        let gammaLogit = Self.gamma(d + 2, unit: unit), gammaProduct = Self.gamma(n + 3, unit: unit)
        let gammaDouble = Self.gamma(n + d + 8, unit: Double.ulpOfOne)
        var value = 0.0, lossMagnitude = 0.0, residualShift = 0.0
        var gradient = [Double](repeating: 0, count: dimension)
        var interceptMagnitude = [Double](repeating: 0, count: k)
        for r in 0..<n {
            let row = x.row(r), omega = weights[r] / total, size = magnitudes?.row(r).map(abs) ?? row.map(abs)
            let logits = (0..<k).map { a in (0..<d).reduce(theta[k * d + a]) { $0 + theta[a * d + $1] * row[$1] } }
            let delta = gammaLogit * (0..<k).map { a in (0..<d).reduce(0) { $0 + abs(theta[a * d + $1]) * size[$1] } }.max()!
            value += omega * delta
            lossMagnitude += omega * (abs(logits.max()!) + Double.log(Double(k + 1)) + logits.map { abs($0) }.max()!)
            let shift = omega * delta / 2
            residualShift += shift
            let residuals = Self.residuals(logits, label: Int(labels[r])).map { omega * abs($0) }
            for a in 0..<k {
                interceptMagnitude[a] += residuals[a]
                for j in 0..<d {
                    gradient[a * d + j] += gammaProduct * size[j] * residuals[a] + (1 + gammaProduct) * size[j] * shift
                }
            }
        }
        let penalty = 1 / (c * total)
        let squaredNorm = theta[..<(k * d)].reduce(0) { $0 + $1 * $1 }
        value += gammaDouble * (lossMagnitude + penalty * squaredNorm)
        for a in 0..<k { gradient[k * d + a] = fitIntercept ? residualShift + gammaDouble * interceptMagnitude[a] : 0 }
        return (value, gradient)
    }

    /// pₖ - yₖ for the binary (one logit) or softmax model.
    static func residuals(_ logits: [Double], label: Int) -> [Double] {
        if logits.count == 1 { return [1 / (1 + Double.exp(-logits[0])) - Double(label)] }
        let top = logits.max()!, e = logits.map { Double.exp($0 - top) }, sum = e.reduce(0, +)
        return e.indices.map { e[$0] / sum - ($0 == label ? 1 : 0) }
    }
}
