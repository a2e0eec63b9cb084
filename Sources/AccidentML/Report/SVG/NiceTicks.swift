import Foundation

/// Axis ticks at "nice" numbers — multiples of 1, 2 or 5 times a power of ten — covering a data
/// range with about the wanted number of ticks (Heckbert, "Nice numbers for graph labels").
struct NiceTicks: Equatable {
    /// The tick values, increasing, from `lower` to `upper`.
    let values: [Double]
    /// Distance between ticks.
    let step: Double
    /// Decimals needed to print every tick exactly.
    let decimals: Int

    /// The first and last tick: the axis extent.
    var lower: Double { values[0] }
    var upper: Double { values[values.count - 1] }

    /// Ticks covering `lower...upper` with about `count` values (at least 2). An empty or
    /// non-finite range is widened around its value so that there is always something to draw.
    init(covering lower: Double, _ upper: Double, count: Int = 5) {
        precondition(count >= 2, "at least two ticks")
        var lo = lower.isFinite ? lower : 0, hi = upper.isFinite ? upper : 1
        if lo > hi { swap(&lo, &hi) }
        if hi == lo {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad; hi += pad
        }
        let (mantissa, exponent) = Self.niceStep(for: (hi - lo) / Double(count - 1))
        // Ticks are integer multiples of mantissa·10^exponent; each is computed from its integer
        // so that 3 × 0.1 prints as 0.3, not 0.30000000000000004.
        let scale = pow(10, Double(abs(exponent)))
        let value = { (i: Int) in exponent >= 0 ? Double(i * mantissa) * scale : Double(i * mantissa) / scale }
        let step = value(1)
        // A relative slack of 1e-9 keeps 0.3 / 0.1 = 2.9999999999999996 from adding a tick.
        let first = Int((lo / step + 1e-9).rounded(.down)), last = Int((hi / step - 1e-9).rounded(.up))
        values = (first...last).map(value)
        self.step = step
        decimals = max(0, -exponent)
    }

    /// The nice step nearest `rough`: (1, 2 or 5, exponent) with the step mantissa·10^exponent.
    static func niceStep(for rough: Double) -> (mantissa: Int, exponent: Int) {
        precondition(rough > 0 && rough.isFinite, "step \(rough) is not positive")
        var exponent = Int(log10(rough).rounded(.down))
        let fraction = rough / pow(10, Double(exponent))
        let mantissa: Int
        switch fraction {
        case ..<1.5: mantissa = 1
        case ..<3: mantissa = 2
        case ..<7: mantissa = 5
        default: mantissa = 1; exponent += 1
        }
        return (mantissa, exponent)
    }

    /// A tick value printed with the decimals of the step.
    func label(_ value: Double) -> String { SVGNumber.fixed(value, decimals: decimals) }
}
