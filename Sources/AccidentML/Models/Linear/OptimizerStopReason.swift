/// Why an optimiser stopped.
public enum OptimizerStopReason: String, Sendable, Equatable, CustomStringConvertible {
    /// The largest gradient component fell to the tolerance (converged).
    case gradientTolerance
    /// The objective stopped decreasing, relative to its size, beyond 64 machine epsilons (converged).
    case relativeReduction
    /// The iteration budget ran out before convergence.
    case maxIterations
    /// No step along the search direction decreased the objective, even steepest descent.
    case lineSearchFailed

    /// Whether the stop counts as convergence (scipy's L-BFGS-B status 0).
    public var converged: Bool { self == .gradientTolerance || self == .relativeReduction }

    /// What went wrong, where, and how to fix it.
    public var description: String {
        switch self {
        case .gradientTolerance: "converged: max |gradient| <= tol"
        case .relativeReduction: "converged: relative reduction of the objective <= 64 eps"
        case .maxIterations: "not converged: max iterations reached; raise maxIterations or standardise the features"
        case .lineSearchFailed: "not converged: the line search found no decrease; check the features' scale"
        }
    }
}
