import Foundation

/// A sequential colour scale: values in [0, 1] interpolated between evenly spaced RGB stops.
struct ColorRamp {
    let stops: [(r: Double, g: Double, b: Double)]

    /// From `#rrggbb` stops, lowest first.
    init(hex: [String]) {
        precondition(hex.count >= 2, "a ramp needs two stops")
        stops = hex.map { h in
            let v = Int(h.dropFirst(), radix: 16)!
            return (Double(v >> 16 & 0xFF), Double(v >> 8 & 0xFF), Double(v & 0xFF))
        }
    }

    /// The colour at `t` (clamped to [0, 1]) as `#rrggbb`.
    func color(_ t: Double) -> String {
        let c = rgb(t)
        return String(format: "#%02x%02x%02x", Int(c.r.rounded()), Int(c.g.rounded()), Int(c.b.rounded()))
    }

    /// Whether text on colour `t` should be white rather than dark (perceived luminance below 140/255).
    func needsLightText(_ t: Double) -> Bool {
        let c = rgb(t)
        return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b < 140
    }

    /// The interpolated channels at `t`; NaN gives the lowest colour.
    private func rgb(_ t: Double) -> (r: Double, g: Double, b: Double) {
        let u = (t.isFinite ? min(max(t, 0), 1) : 0) * Double(stops.count - 1)
        let i = min(Int(u), stops.count - 2), f = u - Double(i)
        let a = stops[i], b = stops[i + 1]
        return (a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f)
    }

    /// Light yellow to dark red (ColorBrewer YlOrRd, palest stop dropped): severity shares.
    static let severity = ColorRamp(hex: ["#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026", "#800026"])
    /// White to dark blue (ColorBrewer Blues): counts and shares in tables.
    static let blues = ColorRamp(hex: ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"])
}

/// Colours of chart series, distinct for people with the common colour-vision deficiencies
/// (Okabe–Ito order without yellow).
enum SeriesColors {
    static let palette = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#56b4e9", "#e69f00", "#000000"]
    static func color(_ i: Int) -> String { palette[i % palette.count] }
}
