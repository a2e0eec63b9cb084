/// A window of raw bytes that CSV rows are encoded into, field by field, without a String per
/// field; its owner (`CSVTableFile`) allocates the memory and flushes it to disk.
///
/// It is a plain value (a pointer and a count) so that an encoding loop keeps it in a local
/// variable: no reference counting or exclusivity checks per byte.
struct CSVByteBuffer {
    /// Start of the owned memory.
    let base: UnsafeMutablePointer<UInt8>
    /// Bytes available at `base`.
    let capacity: Int
    /// Bytes filled so far.
    var count = 0

    /// Bytes still free.
    @inline(__always) var remaining: Int { capacity - count }

    /// Appends one byte.
    @inline(__always) mutating func append(_ byte: UInt8) {
        assert(count < capacity, "CSVByteBuffer overflow: reserve room per row before encoding it")
        base[count] = byte
        count += 1
    }

    /// Appends raw bytes, e.g. a pre-encoded text value.
    @inline(__always) mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        assert(bytes.count <= remaining, "CSVByteBuffer overflow")
        guard let src = bytes.baseAddress else { return }
        (base + count).update(from: src, count: bytes.count)
        count += bytes.count
    }

    /// Appends pre-encoded bytes held in an array.
    @inline(__always) mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends the ASCII text of a literal such as `"N/A"`.
    @inline(__always) mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends the decimal digits of a non-negative integer, left-padded with zeros to
    /// `minimumDigits` (`7, minimumDigits: 2` → `07`).
    @inline(__always) mutating func appendDigits(_ value: UInt64, minimumDigits: Int = 1) {
        var digits = 1
        var rest = value
        while rest >= 10 { rest /= 10; digits += 1 }
        let width = max(digits, minimumDigits)
        assert(width <= remaining, "CSVByteBuffer overflow")
        var v = value
        var i = count + width - 1
        while i >= count {
            base[i] = UInt8(truncatingIfNeeded: 48 &+ v % 10)
            v /= 10
            i -= 1
        }
        count += width
    }

    /// Appends an integer, with a `-` before negative values.
    @inline(__always) mutating func appendInteger(_ value: Int, minimumDigits: Int = 1) {
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDigits(UInt64(value.magnitude), minimumDigits: minimumDigits)
    }

    /// Appends a non-negative fixed-point number given as its magnitude scaled by
    /// 10^`decimals`: `fixedPoint(440389580000, decimals: 10, separator: ",")` → `44,0389580000`.
    @inline(__always) mutating func appendFixedPoint(_ scaled: UInt64, decimals: Int, separator: UInt8) {
        let scale = CSVByteBuffer.powersOfTen[decimals]
        appendDigits(scaled / scale)
        append(separator)
        appendDigits(scaled % scale, minimumDigits: decimals)
    }

    /// Appends digits grouped by thousands with `separator` bytes between groups:
    /// 201764 with a no-break space → `201 764` (as in the official `id_vehicule` column).
    @inline(__always) mutating func appendGroupedDigits(_ value: UInt64, separator: StaticString) {
        if value < 1000 { appendDigits(value); return }
        appendGroupedDigits(value / 1000, separator: separator)
        append(separator)
        appendDigits(value % 1000, minimumDigits: 3)
    }

    /// 10^0 … 10^18.
    static let powersOfTen: [UInt64] = (0...18).map { (0..<$0).reduce(1) { acc, _ in acc * 10 } }
}
