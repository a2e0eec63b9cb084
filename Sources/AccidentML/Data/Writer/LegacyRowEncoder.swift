/// Rows of the 2005–2018 layout: `,`-separated, unquoted, Latin-1, 2-digit `an`, integer
/// `hrmn` (`1700`, `45`), coordinates as integers in 1e-5 degrees (`5038178`, `0233586`) with a
/// `gps` area letter, `dep` with a trailing 0 (`620`; Corsica `201`/`202`, overseas `974`),
/// 3-digit `com`, zero-padded codes where the real 2016 rows pad them (`catv` `07`, `obs` `00`,
/// `manv` `01`, `nbv` `02`, `larrout` in decimetres `070`) and one two-digit `secu`.
///
/// Missing values (-1, NaN) are written as empty cells. What this layout cannot hold is lost:
/// `id_vehicule`, `id_usager`, `vma`, `motor`, `secu2`/`secu3`, and `secu1` codes 5–7 (airbag,
/// gloves), written as `91` "other equipment, used".
struct LegacyRowEncoder: BAACRowEncoder {
    /// The `adr` values.
    let text = PlaceholderText(layout: .y2005)
    /// `catv` of each vehicle of the rows being written, to choose which equipment a `secu1` of
    /// 0 (none) or 8 (undeterminable) refers to.
    private let vehicleCategory: [VehicleKey: Int8]

    /// A vehicle's join key in this layout.
    struct VehicleKey: Hashable {
        var accidentID: Int64
        var number: UInt32
    }

    /// Creates an encoder for users whose vehicles are among `vehicles`.
    init(vehicles: [Vehicle]) {
        var categories: [VehicleKey: Int8] = [:]
        categories.reserveCapacity(vehicles.count)
        for v in vehicles { categories[VehicleKey(accidentID: v.accidentID, number: v.number.packed)] = v.catv }
        vehicleCategory = categories
    }

    func encode(_ a: Accident, into out: inout CSVByteBuffer) {
        out.appendDigits(a.id.magnitude)
        field(a.year < 0 ? -1 : Int(a.year) % 100, digits: 2, &out)
        field(a.month, &out); field(a.day, &out)
        field(a.hour < 0 || a.minute < 0 ? -1 : Int(a.hour) * 100 + Int(a.minute), &out)
        field(a.lum, &out); field(a.agg, &out); field(a.intersection, &out); field(a.atm, &out)
        field(a.col, &out)
        field(a.commune < 0 ? -1 : Int(a.commune % 1000), digits: 3, &out)
        out.append(UInt8(ascii: ",")); out.append(text.address(for: a.id))
        out.append(UInt8(ascii: ","))
        if let letter = Self.gpsArea(a.departement) { out.append(letter) }
        coordinate(a.latitude, &out)
        coordinate(a.longitude, &out)
        field(a.departement < 0 ? -1 : a.departement < 201 ? Int(a.departement) * 10 : Int(a.departement),
              digits: 3, &out)
        out.append(UInt8(ascii: "\n"))
    }

    func encode(_ p: Place, into out: inout CSVByteBuffer) {
        out.appendDigits(p.accidentID.magnitude)
        field(p.catr, &out)
        out.append(",,,")  // voie, v1, v2
        field(p.circ, &out); field(p.nbv, digits: 2, &out)
        out.append(",,")  // pr, pr1
        field(p.vosp, &out); field(p.prof, &out); field(p.plan, &out)
        out.append(",000")  // lartpc
        field(p.roadWidth.isNaN || p.roadWidth < 0 ? -1 : Int((Double(p.roadWidth) * 10).rounded()),
              digits: 3, &out)
        field(p.surf, &out); field(p.infra, &out); field(p.situ, &out)
        out.append(",00\n")  // env1
    }

    func encode(_ v: Vehicle, into out: inout CSVByteBuffer) {
        out.appendDigits(v.accidentID.magnitude)
        field(v.senc, &out); field(v.catv, digits: 2, &out); field(v.occutc, digits: 3, &out)
        field(v.obs, digits: 2, &out); field(v.obsm, &out); field(v.choc, &out)
        field(v.manv, digits: 2, &out)
        out.append(UInt8(ascii: ",")); out.append(v.number)
        out.append(UInt8(ascii: "\n"))
    }

    func encode(_ u: User, into out: inout CSVByteBuffer) {
        out.appendDigits(u.accidentID.magnitude)
        field(u.place, &out); field(u.catu, &out); field(u.grav, &out); field(u.sexe, &out)
        field(u.trajet, &out)
        let catv = vehicleCategory[VehicleKey(accidentID: u.accidentID, number: u.vehicleNumber.packed)] ?? -1
        field(Self.secu(u.secu1, catu: u.catu, catv: catv), &out)
        field(u.locp, &out)
        out.append(UInt8(ascii: ","))
        if u.actp >= 0 { out.appendPedestrianAction(u.actp) }
        field(u.etatp, &out); field(u.birthYear, &out)
        out.append(UInt8(ascii: ",")); out.append(u.vehicleNumber)
        out.append(UInt8(ascii: "\n"))
    }

    /// The old two-digit `secu` (equipment × used) for a 2019+ `secu1`, -1 when missing:
    /// 1, 2, 3, 4, 9 → used (`11`, `21`…); 0 none → the user's usual equipment not used
    /// (`12` belt, `22` helmet on two/three-wheelers and quads, `42` reflective gear for
    /// pedestrians); 8 undeterminable → that equipment, use undeterminable (`13`…);
    /// 5, 6, 7 (airbag, gloves) → `91`.
    static func secu(_ secu1: Int8, catu: Int8, catv: Int8) -> Int {
        let usual = catu == 3 ? 4 : isRiderVehicle(catv) ? 2 : 1
        switch secu1 {
        case 1, 2, 3, 4, 9: return Int(secu1) * 10 + 1
        case 0: return usual * 10 + 2
        case 8: return usual * 10 + 3
        case 5, 6, 7: return 91
        default: return -1
        }
    }

    /// Whether riders of this `catv` wear a helmet rather than a belt (bicycles, mopeds,
    /// motorcycles, scooters, three-wheelers, quads, personal movers).
    static func isRiderVehicle(_ catv: Int8) -> Bool {
        switch catv {
        case 1, 2, 30...36, 41...43, 50, 60, 80: true
        default: false
        }
    }

    /// The `gps` letter: M metropolitan France and Corsica, A Antilles, G Guyane, R Réunion,
    /// Y Mayotte; none for other areas.
    static func gpsArea(_ dep: Int16) -> UInt8? {
        switch dep {
        case 1...95, 201, 202: UInt8(ascii: "M")
        case 971, 972, 977, 978: UInt8(ascii: "A")
        case 973: UInt8(ascii: "G")
        case 974: UInt8(ascii: "R")
        case 976: UInt8(ascii: "Y")
        default: nil
        }
    }

    /// A new field holding a non-negative number zero-padded to `digits`, empty when negative.
    @inline(__always) private func field<I: BinaryInteger>(_ value: I, digits: Int = 1, _ out: inout CSVByteBuffer) {
        out.append(UInt8(ascii: ","))
        if value >= 0 { out.appendDigits(UInt64(value), minimumDigits: digits) }
    }

    /// A new field holding degrees in 1e-5 units, the magnitude zero-padded to 7 digits.
    @inline(__always) private func coordinate(_ degrees: Double, _ out: inout CSVByteBuffer) {
        out.append(UInt8(ascii: ","))
        guard !degrees.isNaN else { return }
        let (scaled, negative) = CSVByteBuffer.scaledMagnitude(degrees, decimals: 5)
        if negative { out.append(UInt8(ascii: "-")) }
        out.appendDigits(scaled, minimumDigits: 7)
    }
}
