extension LabeledMatrix where Scalar == Float {
    /// CRC-32 (hex) of the features as the model sees them (column-major Float32) followed by
    /// the labels (Int32), both little-endian: the same data gives the same fingerprint, so a
    /// registry can tell whether two models were trained on the same rows.
    public var fingerprint: String {
        var crc = features.storage.withUnsafeBytes { CRC32.checksum($0) }
        crc = labels.withUnsafeBytes { CRC32.checksum($0, continuing: crc) }
        return CRC32.hex(crc)
    }
}
