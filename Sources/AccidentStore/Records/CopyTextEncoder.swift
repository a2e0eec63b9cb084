import AccidentML
import NIOCore

/// Writes rows in PostgreSQL's COPY text format (tab-separated, `\N` for NULL, `\n` per row)
/// straight into a `ByteBuffer`, without a `String` per integer or text field.
struct CopyTextEncoder: StoreRowEncoder {
    /// The encoded rows so far.
    var buffer: ByteBuffer
    private var atRowStart = true

    init(buffer: ByteBuffer) { self.buffer = buffer }

    mutating func int16(_ value: Int16?) { field(value.map(Int64.init)) }
    mutating func int32(_ value: Int32?) { field(value.map(Int64.init)) }
    mutating func int64(_ value: Int64?) { field(value) }

    mutating func float(_ value: Float?) {
        separate()
        guard let value else { return writeNull() }
        // Shortest round-trip form; PostgreSQL's float4in reads it back to the same bits.
        buffer.writeString(value.description)
    }

    mutating func double(_ value: Double?) {
        separate()
        guard let value else { return writeNull() }
        buffer.writeString(value.description)
    }

    mutating func text(_ value: VehicleNumber?) {
        separate()
        guard let value else { return writeNull() }
        var p = value.packed
        while p != 0 {
            let byte = UInt8(truncatingIfNeeded: p)
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
            p >>= 8
        }
    }

    mutating func endRow() {
        buffer.writeInteger(UInt8(ascii: "\n"))
        atRowStart = true
    }

    @inline(__always) private mutating func separate() {
        if atRowStart { atRowStart = false } else { buffer.writeInteger(UInt8(ascii: "\t")) }
    }

    @inline(__always) private mutating func writeNull() { buffer.writeStaticString("\\N") }

    private mutating func field(_ value: Int64?) {
        separate()
        guard let value else { return writeNull() }
        writeDecimal(value)
    }

    /// Appends the decimal digits of `value` (with a leading `-` when negative).
    mutating func writeDecimal(_ value: Int64) {
        var magnitude = value.magnitude
        var count = 1
        var probe = magnitude
        while probe >= 10 { probe /= 10; count += 1 }
        let sign = value < 0 ? 1 : 0
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count + sign) { raw in
            if sign == 1 { raw[0] = UInt8(ascii: "-") }
            var i = sign + count - 1
            repeat {
                raw[i] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
                i -= 1
            } while magnitude != 0
            return count + sign
        }
    }
}
