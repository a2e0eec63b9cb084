/// The plain version of `TextEncodingCheck.check`, the specification its tests compare against.
extension TextEncodingCheck {
    /// Same rules as `check(_:)`, written with the standard library's UTF-8 validation.
    static func referenceCheck(_ bytes: [UInt8]) -> Problem? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return Problem(kind: .utf16ByteOrderMark, offset: 0)
        }
        if let nul = bytes.firstIndex(of: 0) { return Problem(kind: .nulByte, offset: nul) }
        if String(validating: bytes, as: UTF8.self) == nil,
           let bad = bytes.firstIndex(where: { [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }) {
            return Problem(kind: .neitherUTF8NorLatin1(bytes[bad]), offset: bad)
        }
        return nil
    }
}
