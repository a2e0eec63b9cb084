/// Escaping of text for HTML and SVG (XML): the same five characters in text and attribute values.
enum Markup {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities XML knows too (no `&nbsp;`-like names).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
