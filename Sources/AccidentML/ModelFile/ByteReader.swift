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
    mutating func readArray<T: FixedWidthInteger & BitwiseCopyable>(of _: T.Type = T.self) throws -> [T] {
        let out = try copyArray(count: try arrayCount(elementSize: MemoryLayout<T>.size), of: T.self)
        #if _endian(little)
        return out
        #else
        return out.map { T(littleEndian: $0) }
        #endif
    }

    mutating func readArray(of _: Float.Type) throws -> [Float] {
        #if _endian(little)
        try copyArray(count: try arrayCount(elementSize: 4), of: Float.self)
        #else
        try readArray(of: UInt32.self).map(Float.init(bitPattern:))
        #endif
    }

    mutating func readArray(of _: Double.Type) throws -> [Double] {
        #if _endian(little)
        try copyArray(count: try arrayCount(elementSize: 8), of: Double.self)
        #else
        try readArray(of: UInt64.self).map(Double.init(bitPattern:))
        #endif
    }

    /// Reads an array's u64 count, refusing one larger than what is left.
    private mutating func arrayCount(elementSize size: Int) throws -> Int {
        let count64 = try read(UInt64.self)
        guard count64 <= UInt64(remaining / size) else {
            throw ModelFileError.truncated(path: path, offset: offset, needed: Int(clamping: count64) &* size,
                                           available: remaining)
        }
        return Int(count64)
    }

    /// The next `count` elements, their bytes copied as they are into a new array (one allocation).
    private mutating func copyArray<T: BitwiseCopyable>(count: Int, of _: T.Type) throws -> [T] {
        let r = try take(count * MemoryLayout<T>.stride)
        let out = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { src in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: src[r]))
            }
            initialized = count
        }
        return out
    }

    /// Reads a u32 byte count then that many UTF-8 bytes.
    mutating func readString() throws -> String {
        let count = Int(try read(UInt32.self))
        return String(decoding: try readBytes(count), as: UTF8.self)
    }

    mutating func readBytes(_ count: Int) throws -> ArraySlice<UInt8> { bytes[try take(count)] }
}
