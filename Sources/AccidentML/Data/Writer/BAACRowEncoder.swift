/// Encodes records as CSV rows (line feed included) of one official layout.
///
/// Each method writes at most `CSVTableFile.maximumRowBytes` bytes; callers make room first.
protocol BAACRowEncoder {
    /// A `caracteristiques` row.
    func encode(_ accident: Accident, into out: inout CSVByteBuffer)
    /// A `lieux` row.
    func encode(_ place: Place, into out: inout CSVByteBuffer)
    /// A `vehicules` row.
    func encode(_ vehicle: Vehicle, into out: inout CSVByteBuffer)
    /// An `usagers` row.
    func encode(_ user: User, into out: inout CSVByteBuffer)
}

extension CSVByteBuffer {
    /// Appends a `num_veh` value (`A01`), nothing when missing.
    @inline(__always) mutating func append(_ number: VehicleNumber) {
        var packed = number.packed
        while packed != 0 {
            append(UInt8(truncatingIfNeeded: packed))
            packed >>= 8
        }
    }

    /// Appends an `actp` code: the letters `A` (10) and `B` (11), digits otherwise.
    @inline(__always) mutating func appendPedestrianAction(_ actp: Int8) {
        switch actp {
        case 10: append(UInt8(ascii: "A"))
        case 11: append(UInt8(ascii: "B"))
        default: appendInteger(Int(actp))
        }
    }

    /// Appends a coordinate's magnitude rounded to `decimals` digits after the point, as a
    /// scaled integer (`decimalSeparator` nil, 1e-5 degree units) or with a separator.
    /// Returns whether a minus sign is due (the magnitude did not round to zero) — the caller
    /// writes it first, since the layouts differ (`" -"` vs `-`).
    @inline(__always) static func scaledMagnitude(_ value: Double, decimals: Int) -> (UInt64, negative: Bool) {
        let scaled = (value.magnitude * Double(powersOfTen[decimals])).rounded()
        let magnitude = UInt64(scaled)
        return (magnitude, value < 0 && magnitude != 0)
    }
}
