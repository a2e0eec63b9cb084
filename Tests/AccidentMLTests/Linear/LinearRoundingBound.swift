@testable import AccidentML

/// Rounding bounds of the linear model's Float inference, derived from Float's unit roundoff,
/// so that tests comparing two inference paths hold on any BLAS kernel (issue 17).
enum LinearRoundingBound {
    /// Float's unit roundoff.
    static let unit = Double(Float.ulpOfOne) / 2
    /// The SIMD exp's relative error, as `LinearPredictionTests.simdExpMatchesScalarExp` checks it.
    static let simdExpError = 1e-6
    /// libm's expf: within 1 ulp (2 u).
    static let libmExpError = 2 * unit

    /// How far a Float logit of `model` at `row` may be from the exact Double one: the Double
    /// coefficients and features rounded to Float, then a (d+1)-term sum with the intercept, in
    /// whatever order the BLAS kernel uses: γ(d+3) maxₖ(Σⱼ |xⱼ wₖⱼ| + |bₖ|) (Higham).
    static func logit(_ model: LogisticModel, row: [Double]) -> Double {
        let d = model.featureCount, m = Double(d + 3)
        let magnitude = (0..<model.coefficientRowCount).map { k in
            (0..<d).reduce(abs(model.intercepts[k])) { $0 + abs(row[$1] * model.coefficients[k * d + $1]) }
        }.max()!
        return m * unit / (1 - m * unit) * magnitude
    }

    /// How far a Float probability of `model` at `row` may be from the exact one: sigmoid and
    /// softmax move by at most ½ of the logits' largest change (the softmax Jacobian's rows have
    /// 1-norm 2pₖ(1-pₖ) ≤ ½); an exp with relative error ε moves pₖ = eₖ / Σ e by at most 2ε; the
    /// activation's own Float arithmetic adds (k + 3) u.
    static func probability(_ model: LogisticModel, row: [Double], expError: Double) -> Double {
        logit(model, row: row) / 2 + 2 * expError + Double(model.classCount + 3) * unit
    }
}
