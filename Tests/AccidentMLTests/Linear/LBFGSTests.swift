import Testing
@testable import AccidentML

/// The Rosenbrock function in `dimension` variables: a curved valley, minimum 0 at (1, …, 1).
struct Rosenbrock: DifferentiableObjective {
    let dimension: Int
    func evaluate(_ x: UnsafeBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>) -> Double {
        var value = 0.0
        for i in 0..<dimension { gradient[i] = 0 }
        for i in 0..<(dimension - 1) {
            let a = x[i + 1] - x[i] * x[i], b = 1 - x[i]
            value += 100 * a * a + b * b
            gradient[i] += -400 * x[i] * a - 2 * b
            gradient[i + 1] += 200 * a
        }
        return value
    }
}

@Suite struct LBFGSTests {
    @Test func minimisesRosenbrock() {
        var objective = Rosenbrock(dimension: 6)
        let result = LBFGS(gradientTolerance: 1e-8, maxIterations: 500).minimize(&objective, from: [Double](repeating: -1.2, count: 6))
        #expect(result.stopReason.converged)
        #expect(result.x.allSatisfy { abs($0 - 1) < 1e-5 })
        #expect(result.value < 1e-10)
    }

    @Test func startingAtTheOptimumTakesNoIteration() {
        var objective = Rosenbrock(dimension: 3)
        let result = LBFGS().minimize(&objective, from: [1, 1, 1])
        #expect(result.iterations == 0)
        #expect(result.evaluations == 1)
        #expect(result.stopReason == .gradientTolerance)
    }

    @Test func lineSearchEndsOnAStrongWolfePoint() throws {
        // φ(α) = (α - 3)² - 9 from α = 0: slope -6; a first step of 0.1 must extrapolate.
        let search = StrongWolfeLineSearch()
        let point = try #require(search.search(start: .init(step: 0, value: 0, slope: -6), initialStep: 0.1) { a in
            ((a - 3) * (a - 3) - 9, 2 * (a - 3))
        })
        #expect(point.value <= search.sufficientDecrease * point.step * -6)
        #expect(abs(point.slope) <= search.curvature * 6)
        // A step far too long must be cut back by the zoom.
        let back = try #require(search.search(start: .init(step: 0, value: 0, slope: -6), initialStep: 100) { a in
            ((a - 3) * (a - 3) - 9, 2 * (a - 3))
        })
        #expect(back.step < 6 && abs(back.slope) <= search.curvature * 6)
    }

    @Test func cubicInterpolationIsExactOnACubic() throws {
        // f(a) = a³ - 3a has its local minimum at a = 1.
        let f = { (a: Double) in StrongWolfeLineSearch.Point(step: a, value: a * a * a - 3 * a, slope: 3 * a * a - 3) }
        let t = try #require(StrongWolfeLineSearch.cubicMinimizer(f(0), f(2)))
        #expect(abs(t - 1) < 1e-12)
    }
}
