/// A smooth function of a parameter vector that can report its gradient: what L-BFGS minimises.
protocol DifferentiableObjective {
    /// Number of parameters.
    var dimension: Int { get }
    /// The value at `x`, writing the gradient into `gradient` (both of count `dimension`).
    mutating func evaluate(_ x: UnsafeBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>) -> Double
}
