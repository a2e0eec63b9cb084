import AccidentML

/// Hand-built BAAC tables for the store tests: every column set, every column missing, code
/// extremes, odd floating-point values, and a seeded generator for larger tables.
enum BAACFixtures {
    /// One year of four accidents: full, all missing, extremes, and a pre-2019 style accident.
    static func handBuilt(year: Int16) -> BAACTables {
        let base = Int64(year) * 100_000_000
        let full = Accident(id: base + 1, year: year, month: 9, day: 2, hour: 15, minute: 5, lum: 1, agg: 2,
                            intersection: 3, atm: 1, col: 6, departement: 201, commune: 201_004,
                            latitude: 44.038958, longitude: -0.96446)
        let missing = Accident(id: base + 2, year: year)
        let extremes = Accident(id: base + 3, year: year, month: 12, day: 31, hour: 0, minute: 59, lum: 127,
                                agg: -128, intersection: 0, atm: 9, col: 7, departement: 988, commune: 98_715,
                                latitude: -.infinity, longitude: .pi)
        let old = Accident(id: base + 4, year: year, month: 1, day: 1, hour: 23, minute: 0, lum: 5, agg: 1,
                           intersection: 1, atm: 8, col: 1, departement: 62, commune: 62_767,
                           latitude: 50.38178, longitude: 2.33586)
        let places = [
            Place(accidentID: base + 1, catr: 3, circ: 2, nbv: 2, vosp: 0, prof: 1, plan: 1, surf: 1, infra: 0,
                  situ: 1, vma: 80, roadWidth: 5.5),
            Place(accidentID: base + 2),
            Place(accidentID: base + 3, catr: 9, circ: 4, nbv: 12, vosp: 3, prof: 4, plan: 4, surf: 9, infra: 9,
                  situ: 8, vma: 130, roadWidth: .ulpOfOne),
            Place(accidentID: base + 4, catr: 4, nbv: 1, vma: -1, roadWidth: 1e30),
        ]
        let vehicles = [
            Vehicle(accidentID: base + 1, vehicleID: 201_764, number: VehicleNumber("A01")!, senc: 2, catv: 7,
                    obs: 0, obsm: 2, choc: 1, manv: 1, motor: 1, occutc: 0),
            Vehicle(accidentID: base + 1, vehicleID: 201_765, number: VehicleNumber("B01")!, senc: 1, catv: 33,
                    obs: 17, obsm: 9, choc: 9, manv: 26, motor: 6, occutc: 42),
            Vehicle(accidentID: base + 2, number: VehicleNumber("A01")!),
            Vehicle(accidentID: base + 3, vehicleID: 1, number: VehicleNumber("Z\\\t9")!, catv: 99, obs: 16),
            Vehicle(accidentID: base + 4, number: VehicleNumber("AB")!, senc: 0, catv: 1, motor: 0),
        ]
        let users = [
            User(accidentID: base + 1, userID: 7, vehicleID: 201_764, vehicleNumber: VehicleNumber("A01")!,
                 place: 1, catu: 1, grav: 4, sexe: 1, trajet: 5, secu1: 1, secu2: 0, secu3: 8, locp: 0, actp: 10,
                 etatp: 1, birthYear: 1980),
            User(accidentID: base + 1, vehicleID: 201_765, vehicleNumber: VehicleNumber("B01")!, place: 10,
                 catu: 3, grav: 2, sexe: 2, trajet: 9, secu1: 2, locp: 3, actp: 11, etatp: 3, birthYear: 2015),
            User(accidentID: base + 2),
            User(accidentID: base + 2, vehicleNumber: VehicleNumber("A01")!, grav: 1),
            User(accidentID: base + 3, vehicleNumber: VehicleNumber("Z\\\t9")!, place: 127, catu: -128,
                 grav: 3, birthYear: 1900),
            User(accidentID: base + 4, vehicleNumber: VehicleNumber("AB")!, catu: 2, grav: 3, birthYear: -1),
        ]
        return BAACTables(accidents: [full, missing, extremes, old], places: places, vehicles: vehicles, users: users)
    }

    /// `count` random accidents with one place, 1–3 vehicles and 1–2 users per vehicle (seeded);
    /// about a fifth of the codes are missing.
    static func random(year: Int16, accidents count: Int, seed: UInt64) -> BAACTables {
        var rng = SplitMix64(seed: seed)
        func code(_ range: ClosedRange<Int8>) -> Int8 { rng.nextUnit() < 0.2 ? -1 : Int8.random(in: range, using: &rng) }
        func scaled<T: FixedWidthInteger>(_ code: Int8, _ scale: T, plus offset: T) -> T {
            code == -1 ? -1 : T(code) * scale + offset
        }
        func coordinate(_ range: ClosedRange<Double>) -> Double {
            rng.nextUnit() < 0.1 ? .nan : Double.random(in: range, using: &rng)
        }
        var tables = BAACTables()
        for index in 0..<count {
            let id = Int64(year) * 100_000_000 + Int64(index) + 1
            tables.accidents.append(Accident(
                id: id, year: year, month: code(1...12), day: code(1...28), hour: code(0...23), minute: code(0...59),
                lum: code(1...5), agg: code(1...2), intersection: code(1...9), atm: code(1...9), col: code(1...7),
                departement: scaled(code(1...95), 1, plus: 0), commune: scaled(code(1...95), 1000, plus: 7),
                latitude: coordinate(41...51), longitude: coordinate(-5...9)))
            tables.places.append(Place(
                accidentID: id, catr: code(1...9), circ: code(1...4), nbv: code(0...6), vosp: code(0...3),
                prof: code(1...4), plan: code(1...4), surf: code(1...9), infra: code(0...9), situ: code(0...8),
                vma: scaled(code(3...13), 10, plus: 0), roadWidth: rng.nextUnit() < 0.5 ? .nan : Float(rng.nextUnit() * 20)))
            let vehicleCount = Int.random(in: 1...3, using: &rng)
            for v in 0..<vehicleCount {
                let number = VehicleNumber(String(UnicodeScalar(UInt8(ascii: "A") + UInt8(v))) + "01")!
                let vehicleID = Int64(index) * 4 + Int64(v)
                tables.vehicles.append(Vehicle(
                    accidentID: id, vehicleID: vehicleID, number: number, senc: code(0...3), catv: code(0...99),
                    obs: code(0...17), obsm: code(0...9), choc: code(0...9), manv: code(0...26), motor: code(0...6),
                    occutc: rng.nextUnit() < 0.9 ? -1 : Int16.random(in: 0...80, using: &rng)))
                for _ in 0..<Int.random(in: 1...2, using: &rng) {
                    tables.users.append(User(
                        accidentID: id, vehicleID: vehicleID, vehicleNumber: number, place: code(1...10),
                        catu: code(1...3), grav: code(1...4), sexe: code(1...2), trajet: code(0...9),
                        secu1: code(0...9), secu2: code(0...9), secu3: code(0...9), locp: code(0...9),
                        actp: code(0...11), etatp: code(1...3), birthYear: scaled(code(0...99), 1, plus: 1920)))
                }
            }
        }
        return tables
    }
}
