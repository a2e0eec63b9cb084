/// A step length search along a descent direction that ends on a point meeting the strong
/// Wolfe conditions (Nocedal & Wright, Numerical Optimization, algorithms 3.5 and 3.6), with
/// safeguarded cubic interpolation. Constants are those scipy's L-BFGS-B uses.
struct StrongWolfeLineSearch {
    /// Sufficient decrease: φ(α) ≤ φ(0) + c1 α φ'(0).
    var sufficientDecrease = 1e-3
    /// Curvature: |φ'(α)| ≤ c2 |φ'(0)|.
    var curvature = 0.9
    /// Most function evaluations per search (scikit-learn passes maxls=50).
    var maxEvaluations = 50

    /// One evaluated step: α, φ(α) and φ'(α).
    struct Point: Equatable {
        var step: Double
        var value: Double
        var slope: Double
    }

    /// Searches from `initialStep`; `phi(α)` returns (φ(α), φ'(α)). Returns the accepted point,
    /// which meets the strong Wolfe conditions or, when evaluations run out, at least
    /// decreases φ; nil when no decreasing step was found.
    func search(start: Point, initialStep: Double, phi: (Double) -> (value: Double, slope: Double)) -> Point? {
        precondition(start.step == 0 && start.slope < 0, "the search starts at α = 0 on a descent direction")
        var evaluations = 0
        /// φ at `step`, or nil once the evaluation budget is spent.
        func evaluate(_ step: Double) -> Point? {
            guard evaluations < maxEvaluations else { return nil }
            evaluations += 1
            let (value, slope) = phi(step)
            return Point(step: step, value: value.isNaN ? .infinity : value, slope: slope)
        }
        var previous = start
        var step = initialStep
        while let current = evaluate(step) {
            if !armijo(current, start) || (previous.step > 0 && current.value >= previous.value) {
                return zoom(low: previous, high: current, start: start, evaluate: evaluate)
            }
            if abs(current.slope) <= -curvature * start.slope { return current }
            if current.slope >= 0 {
                return zoom(low: current, high: previous, start: start, evaluate: evaluate)
            }
            let width = current.step - previous.step
            let cubic = Self.cubicMinimizer(previous, current) ?? current.step + 4 * width
            step = min(max(cubic, current.step + 1.1 * width), current.step + 4 * width)
            previous = current
        }
        return previous.step > 0 ? previous : nil
    }

    private func armijo(_ point: Point, _ start: Point) -> Bool {
        point.value <= start.value + sufficientDecrease * point.step * start.slope
    }

    /// Narrows [low, high] (low: the best Armijo point so far) until a strong Wolfe point.
    private func zoom(low: Point, high: Point, start: Point, evaluate: (Double) -> Point?) -> Point? {
        var low = low, high = high
        while true {
            let a = min(low.step, high.step), b = max(low.step, high.step), width = b - a
            if width <= 1e-12 * b { break }
            let trial = min(max(Self.cubicMinimizer(low, high) ?? (a + b) / 2, a + 0.1 * width), b - 0.1 * width)
            guard let current = evaluate(trial) else { break }
            if !armijo(current, start) || current.value >= low.value {
                high = current
            } else {
                if abs(current.slope) <= -curvature * start.slope { return current }
                if current.slope * (high.step - low.step) >= 0 { high = low }
                low = current
            }
        }
        return low.step > 0 ? low : nil
    }

    /// The minimiser of the cubic through two points with their slopes, or nil if it has none
    /// (or a value is not finite).
    static func cubicMinimizer(_ p: Point, _ q: Point) -> Double? {
        guard p.value.isFinite, q.value.isFinite, p.slope.isFinite, q.slope.isFinite, p.step != q.step else { return nil }
        let d1 = p.slope + q.slope - 3 * (p.value - q.value) / (p.step - q.step)
        let radicand = d1 * d1 - p.slope * q.slope
        guard radicand >= 0 else { return nil }
        let d2 = (q.step > p.step ? 1.0 : -1.0) * radicand.squareRoot()
        let denominator = q.slope - p.slope + 2 * d2
        guard denominator != 0 else { return nil }
        let t = q.step - (q.step - p.step) * (q.slope + d2 - d1) / denominator
        return t.isFinite ? t : nil
    }
}
