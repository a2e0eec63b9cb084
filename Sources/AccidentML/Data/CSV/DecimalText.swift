/// Correctly rounded parsing of decimal numbers written in bytes, for readers outside the core
/// (the server's JSON scanner): the BAAC reader's parser (`ByteNumber.decimal`), so that both
/// read a number the same way, with one fast path.
public enum DecimalText {
    /// The Double an ASCII decimal number (`-12.5`, `4,25`, `1e-05`; spaces around ignored)
    /// denotes, correctly rounded as `Double(text)` gives it; nil when the bytes are not a
    /// number or it is not finite.
    public static func double(_ bytes: UnsafeRawBufferPointer) -> Double? {
        guard case .value(let value) = bytes.withMemoryRebound(to: UInt8.self, { ByteNumber.decimal($0) }) else {
            return nil
        }
        return value
    }
}
