import Foundation

/// Locale-independent number text for SVG coordinates and chart labels.
enum SVGNumber {
    /// A coordinate rounded to 0.01 with trailing zeros dropped: `12.5`, `3`, `-0.25`.
    static func text(_ x: Double) -> String {
        precondition(x.isFinite, "SVG coordinate \(x) is not finite")
        let hundredths = (x * 100).rounded()
        if hundredths == 0 { return "0" }
        var s = String(format: "%.2f", hundredths / 100)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// `x` with exactly `decimals` decimals, `–` when not finite (a missing value in a table).
    static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return "–" }
        let s = String(format: "%.\(max(decimals, 0))f", x)
        return s.hasPrefix("-") && Double(s) == 0 ? String(s.dropFirst()) : s
    }

    /// A share as a percentage with `decimals` decimals: `12.3 %`.
    static func percent(_ share: Double, decimals: Int = 1) -> String {
        share.isFinite ? fixed(share * 100, decimals: decimals) + " %" : "–"
    }

    /// An integer with thousands separated by commas: `38,288`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// A value shown with about four significant digits, for tables of mixed magnitudes:
    /// integers and values from 10,000 up to 10¹² as whole numbers (codes read as written),
    /// tiny and huge values in exponent form.
    static func compact(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        if (x == x.rounded() || abs(x) >= 1e4) && abs(x) < 1e12 { return fixed(x.rounded(), decimals: 0) }
        let magnitude = abs(x) < 1e-12 ? 0 : Int(log10(abs(x)).rounded(.down))
        if magnitude >= 4 || magnitude < -3 { return String(format: "%.3g", x) }
        var s = fixed(x, decimals: max(0, 3 - magnitude))
        while s.contains(".") && s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// A signed difference with a true minus sign: `+8.4`, `−19.4`.
    static func signed(_ x: Double, decimals: Int) -> String {
        let s = fixed(abs(x), decimals: decimals)
        guard x.isFinite else { return s }
        return (Double(s) == 0 ? "" : x < 0 ? "−" : "+") + s
    }
}
