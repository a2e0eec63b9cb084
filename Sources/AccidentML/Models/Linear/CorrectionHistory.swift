/// The last few L-BFGS correction pairs (s = x' - x, y = g' - g) and the two-loop recursion
/// that applies the inverse Hessian approximation they define (Nocedal & Wright, algorithm 7.4).
struct CorrectionHistory {
    let dimension: Int
    let capacity: Int
    /// Ring buffers of `capacity` vectors of `dimension` values.
    private var s: [Double], y: [Double]
    private var rho: [Double]
    private var count = 0, newest = -1

    init(dimension: Int, capacity: Int) {
        self.dimension = dimension
        self.capacity = capacity
        s = [Double](repeating: 0, count: dimension * capacity)
        y = s
        rho = [Double](repeating: 0, count: capacity)
    }

    var isEmpty: Bool { count == 0 }

    mutating func removeAll() { count = 0; newest = -1 }

    /// Stores the pair (x' - x, g' - g) unless its curvature sᵀy is not safely positive
    /// (then the update would break positive definiteness and is skipped, as L-BFGS-B does).
    mutating func append(step xNew: [Double], minus x: [Double], gradient gNew: [Double], minus g: [Double]) {
        var sy = 0.0, yy = 0.0
        for i in 0..<dimension {
            let si = xNew[i] - x[i], yi = gNew[i] - g[i]
            sy += si * yi
            yy += yi * yi
        }
        guard sy > Double.ulpOfOne * yy, sy > 0 else { return }
        let slot = (newest + 1) % capacity, base = slot * dimension
        for i in 0..<dimension {
            s[base + i] = xNew[i] - x[i]
            y[base + i] = gNew[i] - g[i]
        }
        rho[slot] = 1 / sy
        newest = slot
        count = min(count + 1, capacity)
    }

    /// direction = -H g, H the L-BFGS inverse Hessian (γ I scaled by the newest pair, or I).
    func direction(for gradient: [Double], into direction: inout [Double]) {
        precondition(gradient.count == dimension && direction.count == dimension, "dimension mismatch")
        var alpha = [Double](repeating: 0, count: capacity)
        for i in 0..<dimension { direction[i] = -gradient[i] }
        guard count > 0 else { return }
        s.withUnsafeBufferPointer { sAll in
            y.withUnsafeBufferPointer { yAll in
                direction.withUnsafeMutableBufferPointer { q in
                    let n = dimension, qp = q.baseAddress!
                    func sv(_ slot: Int) -> UnsafePointer<Double> { sAll.baseAddress! + slot * n }
                    func yv(_ slot: Int) -> UnsafePointer<Double> { yAll.baseAddress! + slot * n }
                    for back in 0..<count {  // newest to oldest
                        let slot = (newest - back + capacity) % capacity
                        alpha[slot] = rho[slot] * Double.dot(count: n, sv(slot), qp)
                        Double.axpy(count: n, alpha: -alpha[slot], x: yv(slot), y: qp)
                    }
                    let gamma = Double.dot(count: n, sv(newest), yv(newest)) / Double.dot(count: n, yv(newest), yv(newest))
                    for i in 0..<n { qp[i] *= gamma }
                    for forward in stride(from: count - 1, through: 0, by: -1) {  // oldest to newest
                        let slot = (newest - forward + capacity) % capacity
                        let beta = rho[slot] * Double.dot(count: n, yv(slot), qp)
                        Double.axpy(count: n, alpha: alpha[slot] - beta, x: sv(slot), y: qp)
                    }
                }
            }
        }
    }
}
