/// Why one BAAC value could not be read: what the column expects.
struct BAACValueProblem: Error, Equatable {
    /// What the column expects, e.g. `an integer code (-1 when missing)`.
    var expected: String
}

/// Decoders of single BAAC values from a field's bytes, into the schema's conventions
/// (`BAACRecords.swift`: -1 missing, dep 2A → 201, com as an integer, NaN coordinates...).
enum BAACValue {
    typealias Field = UnsafeBufferPointer<UInt8>

    /// Whether a trimmed field is a missing-value token: empty, `-1`, `N/A` or `.`.
    @inline(__always)
    static func isMissing(_ t: Field) -> Bool {
        switch t.count {
        case 0: return true
        case 1: return t[0] == UInt8(ascii: ".")
        case 2: return t[0] == UInt8(ascii: "-") && t[1] == UInt8(ascii: "1")
        case 3: return t[0] == UInt8(ascii: "N") && t[1] == UInt8(ascii: "/") && t[2] == UInt8(ascii: "A")
        default: return false
        }
    }

    /// A non-negative integer up to `max`, -1 for a missing token (and for 0 when `zeroIsMissing`).
    @inline(__always)
    static func integer(_ field: Field, max: Int64, zeroIsMissing: Bool, expected: String) throws(BAACValueProblem) -> Int64 {
        let t = ByteNumber.trimmed(field)
        if isMissing(t) { return -1 }
        guard case .value(let v) = ByteNumber.integer(t), v >= 0, v <= max else { throw BAACValueProblem(expected: expected) }
        return zeroIsMissing && v == 0 ? -1 : v
    }

    /// A small code (`lum`, `catv`...): 0–127, -1 when missing.
    @inline(__always)
    static func code(_ field: Field, zeroIsMissing: Bool = false) throws(BAACValueProblem) -> Int8 {
        Int8(try integer(field, max: 127, zeroIsMissing: zeroIsMissing, expected: "an integer code 0–127 (-1 when missing)"))
    }

    /// A wider number (`vma`, `occutc`, `an_nais`): 0–32767, -1 when missing.
    @inline(__always)
    static func wide(_ field: Field, zeroIsMissing: Bool = false) throws(BAACValueProblem) -> Int16 {
        Int16(try integer(field, max: 32767, zeroIsMissing: zeroIsMissing, expected: "an integer 0–32767 (-1 when missing)"))
    }

    /// The accident id (`Num_Acc`, `Accident_Id`): required, 1 to 18 digits.
    @inline(__always)
    static func accidentID(_ field: Field) throws(BAACValueProblem) -> Int64 {
        guard case .value(let v) = ByteNumber.integer(field), v > 0 else {
            throw BAACValueProblem(expected: "an accident number (digits, e.g. 202100000001)")
        }
        return v
    }

    /// The year `an`: four digits, or two in old files (`16` → 2016).
    @inline(__always)
    static func year(_ field: Field) throws(BAACValueProblem) -> Int16 {
        let v = try integer(field, max: 2999, zeroIsMissing: false, expected: "a year (2021, or 16 for 2016)")
        return Int16(v >= 0 && v < 100 ? 2000 + v : v)
    }

    /// `hrmn` as (hour, minute): `"07:32"` (2019+) or an integer HHMM (`1700`, `45` = 00:45).
    @inline(__always)
    static func clock(_ field: Field) throws(BAACValueProblem) -> (hour: Int8, minute: Int8) {
        let t = ByteNumber.trimmed(field)
        if isMissing(t) { return (-1, -1) }
        let problem = BAACValueProblem(expected: "a time HH:MM or HHMM (hour 0–23, minute 0–59)")
        let h: Int64, m: Int64
        if let colon = t.firstIndex(of: UInt8(ascii: ":")) {
            guard colon > 0, colon < t.count - 1,
                  case .value(let hh) = ByteNumber.integer(UnsafeBufferPointer(rebasing: t[..<colon])),
                  case .value(let mm) = ByteNumber.integer(UnsafeBufferPointer(rebasing: t[(colon + 1)...])) else { throw problem }
            h = hh; m = mm
        } else {
            guard case .value(let v) = ByteNumber.integer(t), v >= 0 else { throw problem }
            h = v / 100; m = v % 100
        }
        guard (0...23).contains(h), (0...59).contains(m) else { throw problem }
        return (Int8(h), Int8(m))
    }

    /// `dep` in the 2019+ text form: `"07"` → 7, `2A` → 201, `2B` → 202, `"974"` → 974.
    @inline(__always)
    static func departement(_ field: Field) throws(BAACValueProblem) -> Int16 {
        let t = ByteNumber.trimmed(field)
        if isMissing(t) { return -1 }
        if let corsica = corsica(t) { return corsica }
        guard case .value(let v) = ByteNumber.integer(t), (1...989).contains(v) else {
            throw BAACValueProblem(expected: "a département code (01–95, 2A, 2B, 971–989)")
        }
        return Int16(v)
    }

    /// 201 or 202 for `2A` / `2B` (either case), nil otherwise.
    @inline(__always)
    static func corsica(_ t: Field) -> Int16? {
        guard t.count == 2, t[0] == UInt8(ascii: "2") else { return nil }
        switch t[1] | 0x20 {
        case UInt8(ascii: "a"): return 201
        case UInt8(ascii: "b"): return 202
        default: return nil
        }
    }

    /// `com` in the 2019+ text form: `"07155"` → 7155, `"2A004"` → 201004, `"98715"` → 98715.
    @inline(__always)
    static func commune(_ field: Field) throws(BAACValueProblem) -> Int32 {
        let t = ByteNumber.trimmed(field)
        if isMissing(t) { return -1 }
        let problem = BAACValueProblem(expected: "an INSEE commune code (5 characters, e.g. 07155 or 2A004)")
        if t.count == 5, let corsica = corsica(UnsafeBufferPointer(rebasing: t[..<2])) {
            guard t[2...].allSatisfy({ $0 &- ByteNumber.zero < 10 }),
                  case .value(let rest) = ByteNumber.integer(UnsafeBufferPointer(rebasing: t[2...])) else { throw problem }
            return Int32(corsica) * 1000 + Int32(rest)
        }
        guard case .value(let v) = ByteNumber.integer(t), (1...99999).contains(v) else { throw problem }
        return Int32(v)
    }

    /// `dep` in the 2005–2018 form: the code followed by 0 (`620` → 62, `10` → 1), Corsica
    /// `201`/`202` kept, overseas `971`–`989` kept.
    @inline(__always)
    static func oldDepartement(_ field: Field) throws(BAACValueProblem) -> Int16 {
        let v = try integer(field, max: 999, zeroIsMissing: true,
                            expected: "an old département code (620 for 62, 201/202 Corsica, 971–989 overseas)")
        if v == -1 || v == 201 || v == 202 || (971...989).contains(v) { return Int16(v) }
        guard v % 10 == 0, (10...950).contains(v) else {
            throw BAACValueProblem(expected: "an old département code (620 for 62, 201/202 Corsica, 971–989 overseas)")
        }
        return Int16(v / 10)
    }

    /// `com` in the 2005–2018 form: a 3-digit number inside the département, rebuilt into the
    /// INSEE code (`767` in 62 → 62767, `004` in 201 → 201004; overseas `411` in 974 → 97411,
    /// or `11` in 974 → 97411). -1 when the commune or the département is missing.
    @inline(__always)
    static func oldCommune(_ field: Field, departement dep: Int16) throws(BAACValueProblem) -> Int32 {
        let v = try integer(field, max: 999, zeroIsMissing: true, expected: "an old commune number 1–999")
        guard v != -1, dep != -1 else { return -1 }
        let d = Int64(dep)
        guard d >= 971 else { return Int32(d * 1000 + v) }
        if v < 100 { return Int32(d * 100 + v) }
        guard v / 100 == d % 10 else {
            throw BAACValueProblem(expected: "an overseas commune number starting with \(d % 10) (département \(d))")
        }
        return Int32((d / 10) * 1000 + v)
    }

    /// A 2019+ coordinate in degrees (`"44,0389580000"`), NaN when empty, within ±`limit`.
    @inline(__always)
    static func coordinate(_ field: Field, limit: Double) throws(BAACValueProblem) -> Double {
        switch ByteNumber.decimal(field) {
        case .empty: return .nan
        case .value(let v) where abs(v) <= limit: return v
        default: throw BAACValueProblem(expected: "a coordinate in degrees within ±\(Int(limit)) (e.g. 44,038958)")
        }
    }

    /// A 2005–2018 coordinate: an integer in 1e-5 degrees (`5038178` → 50.38178); NaN when
    /// empty, `0`, `-` or `.`.
    @inline(__always)
    static func oldCoordinate(_ field: Field, limit: Double) throws(BAACValueProblem) -> Double {
        let t = ByteNumber.trimmed(field)
        if t.isEmpty || (t.count == 1 && (t[0] == UInt8(ascii: "-") || t[0] == UInt8(ascii: "."))) { return .nan }
        guard case .value(let v) = ByteNumber.integer(t), Double(v.magnitude) <= limit * 100_000 else {
            throw BAACValueProblem(expected: "an integer in 1e-5 degrees within ±\(Int(limit)) degrees (e.g. 5038178)")
        }
        return v == 0 ? .nan : Double(v) / 100_000
    }

    /// 2019+ `larrout` in metres (`"5,5"`), NaN when missing (`" -1"`, empty).
    @inline(__always)
    static func roadWidth(_ field: Field) throws(BAACValueProblem) -> Float {
        let t = ByteNumber.trimmed(field)
        if isMissing(t) { return .nan }
        guard case .value(let v) = ByteNumber.decimal(t), v >= 0, v < 1000 else {
            throw BAACValueProblem(expected: "a road width in metres (e.g. 5,5; -1 when missing)")
        }
        return Float(v)
    }

    /// 2005–2018 `larrout` in decimetres (`070` → 7.0 m, `105` → 10.5 m), NaN when 0 or missing.
    @inline(__always)
    static func oldRoadWidth(_ field: Field) throws(BAACValueProblem) -> Float {
        let v = try integer(field, max: 9999, zeroIsMissing: true, expected: "a road width in decimetres (e.g. 070)")
        return v == -1 ? .nan : Float(v) / 10
    }

    /// An id written with grouped digits (`id_vehicule` `201 764` with any no-break space
    /// encoding, `id_usager`): its digits as an integer, -1 when missing. Spaces and
    /// non-ASCII bytes separate digit groups; any other character is an error.
    @inline(__always)
    static func groupedDigits(_ field: Field) throws(BAACValueProblem) -> Int64 {
        let t = ByteNumber.trimmed(field)
        if isMissing(t) { return -1 }
        let problem = BAACValueProblem(expected: "an id made of digits, optionally grouped by spaces (e.g. 201 764)")
        var value: Int64 = 0, digits = 0
        for b in t {
            let d = b &- ByteNumber.zero
            if d < 10 {
                digits += 1
                guard digits <= 18 else { throw problem }
                value = value * 10 + Int64(d)
            } else if b != ByteNumber.space && b < 0x80 {
                throw problem
            }
        }
        guard digits > 0 else { throw problem }
        return value
    }

    /// `num_veh` (`A01`): up to four ASCII letters or digits, `.missing` when empty.
    @inline(__always)
    static func vehicleNumber(_ field: Field) throws(BAACValueProblem) -> VehicleNumber {
        let t = ByteNumber.trimmed(field)
        guard !t.isEmpty else { return .missing }
        guard t.count <= 4 else { throw BAACValueProblem(expected: "a vehicle number of at most 4 characters (e.g. A01)") }
        var packed: UInt32 = 0
        for (i, b) in t.enumerated() {
            guard (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z")) else {
                throw BAACValueProblem(expected: "a vehicle number of letters and digits (e.g. A01)")
            }
            packed |= UInt32(b) << (8 * UInt32(i))
        }
        return VehicleNumber(packed: packed)
    }

    /// `actp`: a code 0–9, or the letters `A` → 10 and `B` → 11; -1 when missing.
    @inline(__always)
    static func pedestrianAction(_ field: Field, zeroIsMissing: Bool) throws(BAACValueProblem) -> Int8 {
        let t = ByteNumber.trimmed(field)
        if t.count == 1 {
            switch t[0] | 0x20 {
            case UInt8(ascii: "a"): return 10
            case UInt8(ascii: "b"): return 11
            default: break
            }
        }
        return try code(t, zeroIsMissing: zeroIsMissing)
    }

    /// The 2005–2018 two-digit `secu` (equipment × use) as a 2019+ `secu1` code: used → the
    /// equipment (1 belt, 2 helmet, 3 child device, 4 reflective vest, 9 other), not used → 0,
    /// not determinable → 8; -1 when missing (empty, 0, `.`).
    @inline(__always)
    static func oldSafetyEquipment(_ field: Field) throws(BAACValueProblem) -> Int8 {
        let expected = "a two-digit secu code: equipment 1, 2, 3, 4 or 9, then use 1 yes, 2 no, 3 not determinable"
        let v = try integer(field, max: 99, zeroIsMissing: true, expected: expected)
        if v == -1 { return -1 }
        let equipment = v / 10, use = v % 10
        guard [1, 2, 3, 4, 9].contains(equipment), (1...3).contains(use) else { throw BAACValueProblem(expected: expected) }
        switch use {
        case 1: return Int8(equipment)
        case 2: return 0
        default: return 8
        }
    }
}
