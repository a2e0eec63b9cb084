import Foundation

/// How numbers read in tables, notes and progress lines: fixed rules, no locale, so that
/// outputs diff cleanly (shared by `train`, `bench` and the core's progress details).
package enum Format {
    /// An integer with `,` between groups of three digits: `38,288`.
    package static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A metric value with `decimals` decimals (four by default), `n/a` when not a number.
    package static func metric(_ v: Double, decimals: Int = 4) -> String {
        v.isFinite ? String(format: "%.\(decimals)f", v) : "n/a"
    }

    /// `0.42 s`, `12.3 s`, `2 min 05 s`.
    package static func seconds(_ s: Double) -> String {
        if s < 10 { return String(format: "%.2f s", s) }
        if s < 60 { return String(format: "%.1f s", s) }
        let whole = Int(s.rounded())
        return String(format: "%d min %02d s", whole / 60, whole % 60)
    }

    /// `12.4 KB`, `3.1 MB`.
    package static func bytes(_ n: Int) -> String {
        let units = ["bytes", "KB", "MB", "GB"]
        var value = Double(n), unit = 0
        while value >= 1000, unit < units.count - 1 { value /= 1000; unit += 1 }
        return unit == 0 ? "\(n) bytes" : String(format: "%.1f %@", value, units[unit])
    }

    /// The most characters of outside text (a field value or name) an error message repeats.
    package static let clipLimit = 200

    /// `text` cut to `limit` characters, ending `…(N characters)` when cut: a huge bad value
    /// never makes a huge error message.
    package static func clipped(_ text: String, limit: Int = clipLimit) -> String {
        guard text.utf8.count > limit else { return text }  // bytes ≥ characters: the short text is cheap
        var end = text.startIndex
        var kept = 0
        while kept < limit, end < text.endIndex {
            text.formIndex(after: &end)
            kept += 1
        }
        guard end < text.endIndex else { return text }
        return String(text[..<end]) + "…(\(text.count) characters)"
    }
}
