/// Limited-memory BFGS for unconstrained smooth problems, with the stopping rules scikit-learn
/// gives scipy's L-BFGS-B: max |gᵢ| ≤ tol, or a relative decrease of f ≤ 64 ε.
struct LBFGS {
    /// Correction pairs kept (scipy's maxcor).
    var memory = 10
    var gradientTolerance = 1e-4
    var relativeReductionTolerance = 64 * Double.ulpOfOne
    var maxIterations = 100
    var lineSearch = StrongWolfeLineSearch()

    struct Result {
        var x: [Double]
        var value: Double
        var gradient: [Double]
        var iterations: Int
        var evaluations: Int
        var stopReason: OptimizerStopReason
    }

    func minimize<Objective: DifferentiableObjective>(_ objective: inout Objective, from start: [Double]) -> Result {
        let p = objective.dimension
        precondition(start.count == p && memory >= 1 && maxIterations >= 0, "invalid L-BFGS set-up")
        var x = start, gradient = [Double](repeating: 0, count: p)
        var trialX = x, trialGradient = gradient, direction = gradient
        var evaluations = 0
        func evaluate(_ point: [Double], _ grad: inout [Double]) -> Double {
            evaluations += 1
            return point.withUnsafeBufferPointer { xs in
                grad.withUnsafeMutableBufferPointer { objective.evaluate(xs, gradient: $0) }
            }
        }
        var value = evaluate(x, &gradient)
        var history = CorrectionHistory(dimension: p, capacity: memory)
        var iterations = 0
        func result(_ reason: OptimizerStopReason) -> Result {
            Result(x: x, value: value, gradient: gradient, iterations: iterations, evaluations: evaluations, stopReason: reason)
        }
        if Self.maxAbs(gradient) <= gradientTolerance { return result(.gradientTolerance) }

        while iterations < maxIterations {
            history.direction(for: gradient, into: &direction)
            var slope = Self.dot(direction, gradient)
            if !(slope < 0) {  // not a descent direction: forget the curvature pairs
                history.removeAll()
                for i in 0..<p { direction[i] = -gradient[i] }
                slope = Self.dot(direction, gradient)
            }
            // scipy's first step (and after a restart): 1 / ‖d‖, then the quasi-Newton step 1.
            let initialStep = history.isEmpty ? 1 / Self.dot(direction, direction).squareRoot() : 1
            var lastStep = Double.nan
            let accepted = lineSearch.search(
                start: .init(step: 0, value: value, slope: slope), initialStep: initialStep
            ) { step in
                for i in 0..<p { trialX[i] = x[i] + step * direction[i] }
                lastStep = step
                let v = evaluate(trialX, &trialGradient)
                return (v, Self.dot(trialGradient, direction))
            }
            guard let accepted else {
                if history.isEmpty { return result(.lineSearchFailed) }
                history.removeAll()
                continue
            }
            if accepted.step != lastStep {
                for i in 0..<p { trialX[i] = x[i] + accepted.step * direction[i] }
                _ = evaluate(trialX, &trialGradient)
            }
            history.append(step: trialX, minus: x, gradient: trialGradient, minus: gradient)
            let previousValue = value
            swap(&x, &trialX)
            swap(&gradient, &trialGradient)
            value = accepted.value
            iterations += 1
            if Self.maxAbs(gradient) <= gradientTolerance { return result(.gradientTolerance) }
            let scale = max(abs(previousValue), abs(value), 1)
            if (previousValue - value) / scale <= relativeReductionTolerance { return result(.relativeReduction) }
        }
        return result(.maxIterations)
    }
}

extension LBFGS {
    /// The largest absolute component (the sup-norm scipy's `pgtol` is compared with).
    static func maxAbs(_ v: [Double]) -> Double { v.reduce(0) { max($0, abs($1)) } }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "dot of vectors of different lengths")
        return a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in Double.dot(count: x.count, x.baseAddress!, y.baseAddress!) }
        }
    }
}
