import AccidentML

/// Text that came from outside (a client's path or reference, a registry's message), made safe
/// to echo in an error message or a log line.
///
/// Control characters (a newline would forge a log line), quotes and backslashes are escaped,
/// and the text is cut at `limit` characters (`Format.clipped`, as the core's own messages
/// are) so a huge value never makes a huge answer.
enum ClientText {
    /// The most characters echoed back; longer text ends with `…(N characters)`.
    static let limit = 200

    /// `text` cut to `limit` characters, then escaped.
    static func escaped(_ text: String, limit: Int = limit) -> String {
        var out = ""
        for scalar in Format.clipped(text, limit: limit).unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                    || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
