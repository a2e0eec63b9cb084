import AccidentML

extension Accident: StoredRecord {
    static let table = "accidents"
    static let columns = ["id", "month", "day", "hour", "minute", "lum", "agg", "intersection", "atm", "col",
                          "departement", "commune", "latitude", "longitude"]

    var accidentID: Int64 { id }
    var keyDescription: String { "accident \(id)" }

    func encode<Encoder: StoreRowEncoder>(to e: inout Encoder) {
        e.int64(id)
        e.code(month); e.code(day); e.code(hour); e.code(minute); e.code(lum); e.code(agg)
        e.code(intersection); e.code(atm); e.code(col); e.code(departement); e.code(commune)
        e.number(latitude); e.number(longitude)
    }

    init(year: Int16, decoding d: inout StoreRowDecoder) throws(AccidentStoreError) {
        self.init(id: try d.int64(), year: year, month: try d.code8(), day: try d.code8(), hour: try d.code8(),
                  minute: try d.code8(), lum: try d.code8(), agg: try d.code8(), intersection: try d.code8(),
                  atm: try d.code8(), col: try d.code8(), departement: try d.code16(), commune: try d.code32(),
                  latitude: try d.double(), longitude: try d.double())
    }
}

extension Place: StoredRecord {
    static let table = "places"
    static let columns = ["accident_id", "catr", "circ", "nbv", "vosp", "prof", "plan", "surf", "infra", "situ",
                          "vma", "road_width"]

    var keyDescription: String { "accident \(accidentID)" }

    func encode<Encoder: StoreRowEncoder>(to e: inout Encoder) {
        e.int64(accidentID)
        e.code(catr); e.code(circ); e.code(nbv); e.code(vosp); e.code(prof); e.code(plan); e.code(surf)
        e.code(infra); e.code(situ); e.code(vma); e.number(roadWidth)
    }

    init(year: Int16, decoding d: inout StoreRowDecoder) throws(AccidentStoreError) {
        self.init(accidentID: try d.int64(), catr: try d.code8(), circ: try d.code8(), nbv: try d.code8(),
                  vosp: try d.code8(), prof: try d.code8(), plan: try d.code8(), surf: try d.code8(),
                  infra: try d.code8(), situ: try d.code8(), vma: try d.code16(), roadWidth: try d.float())
    }
}

extension Vehicle: StoredRecord {
    static let table = "vehicles"
    static let columns = ["accident_id", "vehicle_number", "vehicle_id", "senc", "catv", "obs", "obsm", "choc",
                          "manv", "motor", "occutc"]

    var keyDescription: String { "accident \(accidentID), vehicle \(number)" }

    func encode<Encoder: StoreRowEncoder>(to e: inout Encoder) {
        e.int64(accidentID); e.number(number); e.code(vehicleID)
        e.code(senc); e.code(catv); e.code(obs); e.code(obsm); e.code(choc); e.code(manv); e.code(motor)
        e.code(occutc)
    }

    init(year: Int16, decoding d: inout StoreRowDecoder) throws(AccidentStoreError) {
        let accidentID = try d.int64(), number = try d.vehicleNumber()
        self.init(accidentID: accidentID, vehicleID: try d.id64(), number: number,
                  senc: try d.code8(), catv: try d.code8(), obs: try d.code8(), obsm: try d.code8(),
                  choc: try d.code8(), manv: try d.code8(), motor: try d.code8(), occutc: try d.code16())
    }
}

extension User: StoredRecord {
    static let table = "users"
    static let columns = ["accident_id", "user_id", "vehicle_id", "vehicle_number", "place", "catu", "grav", "sexe",
                          "trajet", "secu1", "secu2", "secu3", "locp", "actp", "etatp", "birth_year"]

    var keyDescription: String { "accident \(accidentID), vehicle \(vehicleNumber)" }

    func encode<Encoder: StoreRowEncoder>(to e: inout Encoder) {
        e.int64(accidentID); e.code(userID); e.code(vehicleID); e.number(vehicleNumber)
        e.code(place); e.code(catu); e.code(grav); e.code(sexe); e.code(trajet); e.code(secu1); e.code(secu2)
        e.code(secu3); e.code(locp); e.code(actp); e.code(etatp); e.code(birthYear)
    }

    init(year: Int16, decoding d: inout StoreRowDecoder) throws(AccidentStoreError) {
        self.init(accidentID: try d.int64(), userID: try d.id64(), vehicleID: try d.id64(),
                  vehicleNumber: try d.vehicleNumber(), place: try d.code8(), catu: try d.code8(),
                  grav: try d.code8(), sexe: try d.code8(), trajet: try d.code8(), secu1: try d.code8(),
                  secu2: try d.code8(), secu3: try d.code8(), locp: try d.code8(), actp: try d.code8(),
                  etatp: try d.code8(), birthYear: try d.code16())
    }
}
