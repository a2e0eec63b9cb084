extension BAACField {
    /// The field's value in a row as a Float, NaN when missing (code -1 or NaN).
    ///
    /// Reads through a pointer: passing the large row by value would copy it on every call.
    @inline(__always)
    func value(in p: UnsafePointer<FeatureRow>) -> Float {
        @inline(__always) func code<T: BinaryInteger>(_ x: T) -> Float { x < 0 ? .nan : Float(x) }
        switch self {
        case .an: return code(p.pointee.accident.year)
        case .mois: return code(p.pointee.accident.month)
        case .jour: return code(p.pointee.accident.day)
        case .lum: return code(p.pointee.accident.lum)
        case .agg: return code(p.pointee.accident.agg)
        case .int: return code(p.pointee.accident.intersection)
        case .atm: return code(p.pointee.accident.atm)
        case .col: return code(p.pointee.accident.col)
        case .dep: return code(p.pointee.accident.departement)
        case .lat: return Float(p.pointee.accident.latitude)
        case .long: return Float(p.pointee.accident.longitude)
        case .catr: return code(p.pointee.place.catr)
        case .circ: return code(p.pointee.place.circ)
        case .nbv: return code(p.pointee.place.nbv)
        case .vosp: return code(p.pointee.place.vosp)
        case .prof: return code(p.pointee.place.prof)
        case .plan: return code(p.pointee.place.plan)
        case .surf: return code(p.pointee.place.surf)
        case .infra: return code(p.pointee.place.infra)
        case .situ: return code(p.pointee.place.situ)
        case .vma: return code(p.pointee.place.vma)
        case .larrout: return p.pointee.place.roadWidth
        case .senc: return code(p.pointee.vehicle.senc)
        case .catv: return code(p.pointee.vehicle.catv)
        case .obs: return code(p.pointee.vehicle.obs)
        case .obsm: return code(p.pointee.vehicle.obsm)
        case .choc: return code(p.pointee.vehicle.choc)
        case .manv: return code(p.pointee.vehicle.manv)
        case .motor: return code(p.pointee.vehicle.motor)
        case .occutc: return code(p.pointee.vehicle.occutc)
        case .place: return code(p.pointee.user.place)
        case .catu: return code(p.pointee.user.catu)
        case .sexe: return code(p.pointee.user.sexe)
        case .trajet: return code(p.pointee.user.trajet)
        case .secu1: return code(p.pointee.user.secu1)
        case .secu2: return code(p.pointee.user.secu2)
        case .secu3: return code(p.pointee.user.secu3)
        case .locp: return code(p.pointee.user.locp)
        case .actp: return code(p.pointee.user.actp)
        case .etatp: return code(p.pointee.user.etatp)
        case .anNais: return code(p.pointee.user.birthYear)
        }
    }

    /// Stores a validated value (within the field's `kind`) into a row: the inverse of `value(in:)`.
    func write(_ x: Double, into row: inout FeatureRow) {
        switch self {
        case .an: row.accident.year = Int16(x)
        case .mois: row.accident.month = Int8(x)
        case .jour: row.accident.day = Int8(x)
        case .lum: row.accident.lum = Int8(x)
        case .agg: row.accident.agg = Int8(x)
        case .int: row.accident.intersection = Int8(x)
        case .atm: row.accident.atm = Int8(x)
        case .col: row.accident.col = Int8(x)
        case .dep: row.accident.departement = Int16(x)
        case .lat: row.accident.latitude = x
        case .long: row.accident.longitude = x
        case .catr: row.place.catr = Int8(x)
        case .circ: row.place.circ = Int8(x)
        case .nbv: row.place.nbv = Int8(x)
        case .vosp: row.place.vosp = Int8(x)
        case .prof: row.place.prof = Int8(x)
        case .plan: row.place.plan = Int8(x)
        case .surf: row.place.surf = Int8(x)
        case .infra: row.place.infra = Int8(x)
        case .situ: row.place.situ = Int8(x)
        case .vma: row.place.vma = Int16(x)
        case .larrout: row.place.roadWidth = Float(x)
        case .senc: row.vehicle.senc = Int8(x)
        case .catv: row.vehicle.catv = Int8(x)
        case .obs: row.vehicle.obs = Int8(x)
        case .obsm: row.vehicle.obsm = Int8(x)
        case .choc: row.vehicle.choc = Int8(x)
        case .manv: row.vehicle.manv = Int8(x)
        case .motor: row.vehicle.motor = Int8(x)
        case .occutc: row.vehicle.occutc = Int16(x)
        case .place: row.user.place = Int8(x)
        case .catu: row.user.catu = Int8(x)
        case .sexe: row.user.sexe = Int8(x)
        case .trajet: row.user.trajet = Int8(x)
        case .secu1: row.user.secu1 = Int8(x)
        case .secu2: row.user.secu2 = Int8(x)
        case .secu3: row.user.secu3 = Int8(x)
        case .locp: row.user.locp = Int8(x)
        case .actp: row.user.actp = Int8(x)
        case .etatp: row.user.etatp = Int8(x)
        case .anNais: row.user.birthYear = Int16(x)
        }
    }
}
