/// Reads little-endian scalars and arrays from a byte buffer, with bounds checks that turn a short
/// file into `ModelFileError.truncated` instead of a crash.
struct ByteReader {
    let bytes: [UInt8]
    let path: String
    private(set) var offset: Int
    let end: Int

    init(bytes: [UInt8], path: String, range: Range<Int>? = nil) {
        self.bytes = bytes
        self.path = path
        offset = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    var remaining: Int { end - offset }

    private mutating func take(_ count: Int) throws -> Range<Int> {
        guard count >= 0, count <= remaining else {
            throw ModelFileError.truncated(path: path, offset: offset, needed: count, available: remaining)
        }
        defer { offset += count }
        return offset..<(offset + count)
    }

    mutating func read<T: FixedWidthInteger>(_: T.Type = T.self) throws -> T {
        let r = try take(MemoryLayout<T>.size)
        var v: T = 0
        withUnsafeMutableBytes(of: &v) { dst in
            bytes.withUnsafeBytes { src in dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[r])) }
        }
        return T(littleEndian: v)
    }

    mutating func read(_: Float.Type) throws -> Float { Float(bitPattern: try read(UInt32.self)) }
    mutating func read(_: Double.Type) throws -> Double { Double(bitPattern: try read(UInt64.self)) }

    /// Reads a count (UInt64) then that many elements; refuses counts larger than what is left.
    mutating func readArray<T: FixedWidthInteger>(of _: T.Type = T.self) throws -> [T] {
        let count64 = try read(UInt64.self)
        let size = MemoryLayout<T>.size
        guard count64 <= UInt64(remaining / size) else {
            throw ModelFileError.truncated(path: path, offset: offset, needed: Int(clamping: count64) &* size,
                                           available: remaining)
        }
        let count = Int(count64)
        let r = try take(count * size)
        var out = [T](repeating: 0, count: count)
        out.withUnsafeMutableBytes { dst in
            bytes.withUnsafeBytes { src in dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[r])) }
        }
        #if !_endian(little)
        out = out.map { T(littleEndian: $0) }
        #endif
        return out
    }

    mutating func readArray(of _: Float.Type) throws -> [Float] {
        try readArray(of: UInt32.self).map(Float.init(bitPattern:))
    }

    mutating func readArray(of _: Double.Type) throws -> [Double] {
        try readArray(of: UInt64.self).map(Double.init(bitPattern:))
    }

    /// Reads a u32 byte count then that many UTF-8 bytes.
    mutating func readString() throws -> String {
        let count = Int(try read(UInt32.self))
        return String(decoding: try readBytes(count), as: UTF8.self)
    }

    mutating func readBytes(_ count: Int) throws -> ArraySlice<UInt8> { bytes[try take(count)] }
}
