/// Appends little-endian scalars and arrays to a byte buffer (the model file's binary sections).
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: Float) { append(value.bitPattern) }
    mutating func append(_ value: Double) { append(value.bitPattern) }

    /// Appends a count (UInt64) then the elements, little-endian.
    mutating func append<T: FixedWidthInteger>(array: [T]) {
        append(UInt64(array.count))
        #if _endian(little)
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for v in array { append(v) }
        #endif
    }

    mutating func append(array: [Float]) { append(array: array.map(\.bitPattern)) }
    mutating func append(array: [Double]) { append(array: array.map(\.bitPattern)) }

    mutating func append(raw: [UInt8]) { bytes.append(contentsOf: raw) }

    /// Appends a UTF-8 string as a u32 byte count then the bytes.
    mutating func append(string: String) {
        let utf8 = Array(string.utf8)
        append(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}
