import Hummingbird
extension JSONValue {
    /// The compact UTF-8 JSON text of this value.
    func serialized() -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(256)
        write(to: &buffer)
        return buffer
    }

    /// The JSON text as a `String` (documents embedded in HTML, tests).
    var text: String { String(buffer: serialized()) }

    func write(to buffer: inout ByteBuffer) {
        switch self {
        case .null: buffer.writeStaticString("null")
        case .bool(let b): buffer.writeStaticString(b ? "true" : "false")
        case .integer(let i): buffer.writeString(String(i))
        case .number(let d): Self.writeNumber(d, to: &buffer)
        case .string(let s): Self.writeString(s, to: &buffer)
        case .array(let elements):
            buffer.writeInteger(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
                element.write(to: &buffer)
            }
            buffer.writeInteger(UInt8(ascii: "]"))
        case .object(let pairs):
            buffer.writeInteger(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
                Self.writeString(key, to: &buffer)
                buffer.writeInteger(UInt8(ascii: ":"))
                value.write(to: &buffer)
            }
            buffer.writeInteger(UInt8(ascii: "}"))
        }
    }

    /// Writes a number: its shortest round-trip text, or `null` when it is not finite.
    static func writeNumber(_ d: Double, to buffer: inout ByteBuffer) {
        if d.isFinite { buffer.writeString(d.description) } else { buffer.writeStaticString("null") }
    }

    /// Writes a quoted JSON string, escaping quotes, backslashes and control characters.
    static func writeString(_ s: String, to buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt8(ascii: "\""))
        defer { buffer.writeInteger(UInt8(ascii: "\"")) }
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            buffer.writeString(s)  // nothing to escape: the usual case, written at once
            return
        }
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case 0..<0x20:
                buffer.writeStaticString("\\u00")
                buffer.writeInteger(hexDigits[Int(byte >> 4)])
                buffer.writeInteger(hexDigits[Int(byte & 0xF)])
            default: buffer.writeInteger(byte)
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
