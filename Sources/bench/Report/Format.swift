import AccidentML
import Foundation

/// The report's own number formats, beside the shared `Format` (`count`, `metric`, `seconds`):
/// fixed rules, no locale, so that reports diff cleanly.
extension Format {
    /// Three significant digits, grouped thousands above 1000, no exponent: `0.00123`, `12.3`,
    /// `4,560`, `1,234,568`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "-∞") }
        let magnitude = abs(value)
        if magnitude >= 1000 { return count(Int(value.rounded())) }
        if magnitude == 0 { return "0" }
        let decimals = max(0, 2 - Int(log10(magnitude).rounded(.down)))
        return String(format: "%.\(decimals)f", value)
    }

    /// A ratio ours/peer: `0.42×`.
    static func ratio(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        return String(format: value >= 10 ? "%.0f×" : value >= 1 ? "%.2f×" : "%.3f×", value)
    }

    /// A median with its min–max range: `12.3 (11.9–13.0)`; a single sample has no range.
    static func summary(_ s: Summary) -> String {
        s.samples.count == 1 ? "\(number(s.median)) (1 run)" : "\(number(s.median)) (\(number(s.min))–\(number(s.max)))"
    }

    /// A load average, 1-minute value: `7.52`.
    static func load(_ l: LoadAverage) -> String {
        l.first.map { String(format: "%.2f", $0) } ?? "?"
    }

    /// A signed difference with a fixed number of decimals: `+0.00012`.
    static func signed(_ value: Double, decimals: Int = 5) -> String {
        String(format: "%+.\(decimals)f", value)
    }
}
