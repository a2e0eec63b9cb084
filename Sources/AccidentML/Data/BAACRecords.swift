/// The normalised BAAC schema: one typed record per row of the four yearly files.
///
/// Every year's layout (2005–2018, 2019–2021, 2022+) is read into these same records.
/// Conventions, documented once here (the code tables are in `docs/codebook.md`):
/// - Codes are small integers exactly as in the official codebook; **-1 means missing**
///   (the 2019+ `" -1"`, an empty cell, `N/A`, and the old files' unfilled `0`/`.` where
///   0 is not a valid code for that column).
/// - `departement` is the INSEE département as an integer: `"01"` → 1, Corsica `2A` → 201,
///   `2B` → 202, overseas 971–988 (old files' trailing 0 removed: `620` → 62).
/// - `commune` is the 5-character INSEE code as an integer (`"07155"` → 7155, `"2A004"` →
///   201004), rebuilt from département + 3-digit number in old files.
/// - Coordinates are WGS84 degrees, NaN when missing.
/// - Vehicle numbers (`num_veh`, e.g. `A01`) are packed into a `VehicleNumber`; vehicle ids
///   (`id_vehicule`, e.g. `201 764`) keep their digits as an integer, -1 before 2019.

/// A `num_veh` value such as `A01`, packed as up to four ASCII bytes (no String per row).
public struct VehicleNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The packed bytes, first character in the lowest byte; 0 means missing.
    public var packed: UInt32

    /// Creates a vehicle number from its packed bytes.
    public init(packed: UInt32) { self.packed = packed }

    /// Creates a vehicle number from text of at most four ASCII characters.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 4, bytes.allSatisfy({ $0 < 128 }) else { return nil }
        var p: UInt32 = 0
        for (i, b) in bytes.enumerated() { p |= UInt32(b) << (8 * UInt32(i)) }
        packed = p
    }

    /// The missing vehicle number.
    public static let missing = VehicleNumber(packed: 0)

    /// The text form, e.g. `A01`.
    public var description: String {
        var bytes: [UInt8] = []
        var p = packed
        while p != 0 { bytes.append(UInt8(p & 0xFF)); p >>= 8 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Ordered by the text form (`A01` < `B01`).
    public static func < (a: VehicleNumber, b: VehicleNumber) -> Bool {
        a.description < b.description
    }
}

/// One accident (`caracteristiques` file).
public struct Accident: Hashable, Sendable {
    /// `Num_Acc` (`Accident_Id` in 2022), e.g. 202100000001.
    public var id: Int64
    /// Four-digit year (`an`; two digits in old files, widened).
    public var year: Int16
    /// `mois`, 1–12.
    public var month: Int8
    /// `jour`, 1–31.
    public var day: Int8
    /// Hour of `hrmn`, 0–23, or -1.
    public var hour: Int8
    /// Minute of `hrmn`, 0–59, or -1.
    public var minute: Int8
    /// `lum` light conditions, 1–5.
    public var lum: Int8
    /// `agg`: 1 outside, 2 inside a built-up area.
    public var agg: Int8
    /// `int` intersection type, 1–9.
    public var intersection: Int8
    /// `atm` weather, 1–9.
    public var atm: Int8
    /// `col` collision type, 1–7.
    public var col: Int8
    /// INSEE département as an integer (see the schema conventions).
    public var departement: Int16
    /// INSEE commune as an integer (see the schema conventions).
    public var commune: Int32
    /// Latitude in degrees, NaN when missing.
    public var latitude: Double
    /// Longitude in degrees, NaN when missing.
    public var longitude: Double

    /// Creates an accident record; every code defaults to missing.
    public init(id: Int64, year: Int16, month: Int8 = -1, day: Int8 = -1, hour: Int8 = -1,
                minute: Int8 = -1, lum: Int8 = -1, agg: Int8 = -1, intersection: Int8 = -1,
                atm: Int8 = -1, col: Int8 = -1, departement: Int16 = -1, commune: Int32 = -1,
                latitude: Double = .nan, longitude: Double = .nan) {
        self.id = id; self.year = year; self.month = month; self.day = day; self.hour = hour
        self.minute = minute; self.lum = lum; self.agg = agg; self.intersection = intersection
        self.atm = atm; self.col = col; self.departement = departement; self.commune = commune
        self.latitude = latitude; self.longitude = longitude
    }

    /// Equal when every field is equal (missing coordinates compare equal).
    public static func == (a: Accident, b: Accident) -> Bool {
        a.id == b.id && a.year == b.year && a.month == b.month && a.day == b.day
            && a.hour == b.hour && a.minute == b.minute && a.lum == b.lum && a.agg == b.agg
            && a.intersection == b.intersection && a.atm == b.atm && a.col == b.col
            && a.departement == b.departement && a.commune == b.commune
            && a.latitude.isSameValue(as: b.latitude) && a.longitude.isSameValue(as: b.longitude)
    }

    /// Hashes the accident identifier only (consistent with `==`).
    public func hash(into h: inout Hasher) { h.combine(id) }
}

/// The road where an accident happened (`lieux` file), one per accident.
public struct Place: Hashable, Sendable {
    /// `Num_Acc`.
    public var accidentID: Int64
    /// `catr` road category, 1–9.
    public var catr: Int8
    /// `circ` traffic regime, 1–4.
    public var circ: Int8
    /// `nbv` number of lanes, or -1.
    public var nbv: Int8
    /// `vosp` reserved lane, 0–3.
    public var vosp: Int8
    /// `prof` gradient, 1–4.
    public var prof: Int8
    /// `plan` layout (straight, curves), 1–4.
    public var plan: Int8
    /// `surf` surface condition, 1–9.
    public var surf: Int8
    /// `infra` infrastructure, 0–9.
    public var infra: Int8
    /// `situ` situation of the accident, 0–8.
    public var situ: Int8
    /// `vma` speed limit in km/h, -1 when missing (absent before 2019).
    public var vma: Int16
    /// `larrout` road width in metres, NaN when missing.
    public var roadWidth: Float

    /// Creates a place record; every code defaults to missing.
    public init(accidentID: Int64, catr: Int8 = -1, circ: Int8 = -1, nbv: Int8 = -1, vosp: Int8 = -1,
                prof: Int8 = -1, plan: Int8 = -1, surf: Int8 = -1, infra: Int8 = -1, situ: Int8 = -1,
                vma: Int16 = -1, roadWidth: Float = .nan) {
        self.accidentID = accidentID; self.catr = catr; self.circ = circ; self.nbv = nbv
        self.vosp = vosp; self.prof = prof; self.plan = plan; self.surf = surf; self.infra = infra
        self.situ = situ; self.vma = vma; self.roadWidth = roadWidth
    }

    /// Equal when every field is equal (missing widths compare equal).
    public static func == (a: Place, b: Place) -> Bool {
        a.accidentID == b.accidentID && a.catr == b.catr && a.circ == b.circ && a.nbv == b.nbv
            && a.vosp == b.vosp && a.prof == b.prof && a.plan == b.plan && a.surf == b.surf
            && a.infra == b.infra && a.situ == b.situ && a.vma == b.vma
            && a.roadWidth.isSameValue(as: b.roadWidth)
    }

    /// Hashes the accident identifier only (consistent with `==`).
    public func hash(into h: inout Hasher) { h.combine(accidentID) }
}

/// A vehicle involved in an accident (`vehicules` file).
public struct Vehicle: Hashable, Sendable {
    /// `Num_Acc`.
    public var accidentID: Int64
    /// `id_vehicule` digits as an integer (`201 764` → 201764); -1 before 2019.
    public var vehicleID: Int64
    /// `num_veh`, e.g. `A01`.
    public var number: VehicleNumber
    /// `senc` direction, 0–3.
    public var senc: Int8
    /// `catv` vehicle category (official codes, 0–99).
    public var catv: Int8
    /// `obs` fixed obstacle hit, 0–17.
    public var obs: Int8
    /// `obsm` mobile obstacle hit, 0–9.
    public var obsm: Int8
    /// `choc` initial point of impact, 0–9.
    public var choc: Int8
    /// `manv` main manoeuvre before the accident, 0–26.
    public var manv: Int8
    /// `motor` engine type, 0–6 (absent before 2019).
    public var motor: Int8
    /// `occutc` number of occupants of public transport, -1 when empty.
    public var occutc: Int16

    /// Creates a vehicle record; every code defaults to missing.
    public init(accidentID: Int64, vehicleID: Int64 = -1, number: VehicleNumber = .missing,
                senc: Int8 = -1, catv: Int8 = -1, obs: Int8 = -1, obsm: Int8 = -1, choc: Int8 = -1,
                manv: Int8 = -1, motor: Int8 = -1, occutc: Int16 = -1) {
        self.accidentID = accidentID; self.vehicleID = vehicleID; self.number = number
        self.senc = senc; self.catv = catv; self.obs = obs; self.obsm = obsm; self.choc = choc
        self.manv = manv; self.motor = motor; self.occutc = occutc
    }
}

/// A person involved in an accident (`usagers` file): the unit whose `grav` is predicted.
public struct User: Hashable, Sendable {
    /// `Num_Acc`.
    public var accidentID: Int64
    /// `id_usager` (2022+) digits as an integer, -1 before.
    public var userID: Int64
    /// `id_vehicule` of the person's vehicle (2019+), -1 before.
    public var vehicleID: Int64
    /// `num_veh` of the person's vehicle; the join key before 2019.
    public var vehicleNumber: VehicleNumber
    /// `place` seat, 1–10 (10 pedestrian).
    public var place: Int8
    /// `catu` 1 driver, 2 passenger, 3 pedestrian.
    public var catu: Int8
    /// `grav` 1 unharmed, 2 killed, 3 hospitalised, 4 slightly injured; -1 unknown.
    public var grav: Int8
    /// `sexe` 1 male, 2 female.
    public var sexe: Int8
    /// `trajet` purpose of the trip, 0–9.
    public var trajet: Int8
    /// `secu1` first safety equipment (2019+ codes; old `secu` converted, see the codebook).
    public var secu1: Int8
    /// `secu2` second safety equipment.
    public var secu2: Int8
    /// `secu3` third safety equipment.
    public var secu3: Int8
    /// `locp` pedestrian location, 0–9.
    public var locp: Int8
    /// `actp` pedestrian action, 0–9; the letters `A` → 10, `B` → 11.
    public var actp: Int8
    /// `etatp` pedestrian alone or in a group, 1–3.
    public var etatp: Int8
    /// `an_nais` year of birth, -1 when missing.
    public var birthYear: Int16

    /// Creates a user record; every code defaults to missing.
    public init(accidentID: Int64, userID: Int64 = -1, vehicleID: Int64 = -1,
                vehicleNumber: VehicleNumber = .missing, place: Int8 = -1, catu: Int8 = -1,
                grav: Int8 = -1, sexe: Int8 = -1, trajet: Int8 = -1, secu1: Int8 = -1,
                secu2: Int8 = -1, secu3: Int8 = -1, locp: Int8 = -1, actp: Int8 = -1,
                etatp: Int8 = -1, birthYear: Int16 = -1) {
        self.accidentID = accidentID; self.userID = userID; self.vehicleID = vehicleID
        self.vehicleNumber = vehicleNumber; self.place = place; self.catu = catu; self.grav = grav
        self.sexe = sexe; self.trajet = trajet; self.secu1 = secu1; self.secu2 = secu2
        self.secu3 = secu3; self.locp = locp; self.actp = actp; self.etatp = etatp
        self.birthYear = birthYear
    }
}

/// The four tables of one or more BAAC years, normalised.
public struct BAACTables: Sendable, Equatable {
    /// `caracteristiques` rows.
    public var accidents: [Accident]
    /// `lieux` rows.
    public var places: [Place]
    /// `vehicules` rows.
    public var vehicles: [Vehicle]
    /// `usagers` rows.
    public var users: [User]

    /// Creates tables from their rows.
    public init(accidents: [Accident] = [], places: [Place] = [], vehicles: [Vehicle] = [], users: [User] = []) {
        self.accidents = accidents; self.places = places; self.vehicles = vehicles; self.users = users
    }

    /// Appends another set of tables (e.g. another year).
    public mutating func append(contentsOf other: BAACTables) {
        accidents += other.accidents; places += other.places
        vehicles += other.vehicles; users += other.users
    }
}

extension BinaryFloatingPoint {
    /// Equality that treats two NaNs (missing values) as the same value.
    @inlinable func isSameValue(as other: Self) -> Bool { self == other || (isNaN && other.isNaN) }
}
