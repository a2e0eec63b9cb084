@testable import AccidentML

/// Seeded random BAAC tables whose values stay inside the request domains, and the request
/// records that stand for their joined rows: the inputs of the equivalence tests.
enum FeatureTestData {
    /// Random tables: accidents before 2019 join persons by `num_veh`, later ones by `id_vehicule`.
    static func tables(accidents: Int, seed: UInt64) -> BAACTables {
        var rng = SplitMix64(seed: seed)
        var tables = BAACTables()
        var nextVehicleID: Int64 = 100_000
        for i in 0..<accidents {
            let id = Int64(2_000_000_000 + i)
            var r = randomRow(&rng)
            r.accident.id = id
            r.accident.year = Int16(Int.random(in: 2005...2023, using: &rng))
            r.accident.month = Int8(Int.random(in: 1...12, using: &rng))
            let days = CalendarDate.daysInMonth(year: Int(r.accident.year), month: Int(r.accident.month))
            r.accident.day = Int8(Int.random(in: 1...days, using: &rng))
            r.accident.hour = chance(0.05, &rng) ? -1 : Int8(Int.random(in: 0...23, using: &rng))
            r.accident.minute = r.accident.hour < 0 ? -1 : Int8(Int.random(in: 0...59, using: &rng))
            tables.accidents.append(r.accident)
            if !chance(0.03, &rng) { r.place.accidentID = id; tables.places.append(r.place) }
            let modern = r.accident.year >= 2019
            var numbers: [(VehicleNumber, Int64)] = []
            for v in 0..<Int.random(in: 1...4, using: &rng) {
                var vehicle = randomRow(&rng).vehicle
                vehicle.accidentID = id
                vehicle.number = VehicleNumber(String(UnicodeScalar(UInt8(65 + v))) + "01")!
                vehicle.vehicleID = modern ? nextVehicleID : -1
                nextVehicleID += 1
                tables.vehicles.append(vehicle)
                numbers.append((vehicle.number, vehicle.vehicleID))
                for seat in 0..<Int.random(in: 1...3, using: &rng) {
                    tables.users.append(user(id, vehicle.number, vehicle.vehicleID, catu: seat == 0 ? 1 : 2, &rng))
                }
            }
            if chance(0.2, &rng) {
                let (number, vehicleID) = numbers.randomElement(using: &rng)!
                tables.users.append(user(id, number, vehicleID, catu: 3, &rng))
            }
            if chance(0.02, &rng) {
                tables.users.append(user(id, VehicleNumber("Z99")!, modern ? 1 : -1, catu: 1, &rng))
            }
        }
        return tables
    }

    /// A row where every BAAC field has a random valid value or is missing (10 %).
    static func randomRow(_ rng: inout SplitMix64) -> FeatureRow {
        var row = FeatureRow.missing
        for (field, kind) in fieldKinds where !chance(0.1, &rng) {
            switch kind {
            case let .code(allowed, _): field.write(Double(allowed.randomElement(using: &rng)!), into: &row)
            case let .integer(range): field.write(Double(Int.random(in: range, using: &rng)), into: &row)
            case let .number(range): field.write(Double(Float(Double.random(in: range, using: &rng))), into: &row)
            default: preconditionFailure("BAAC fields are codes, integers or numbers")
            }
        }
        return row
    }

    private static let fieldKinds = BAACField.allCases.map { ($0, $0.kind) }

    private static func user(_ accident: Int64, _ number: VehicleNumber, _ vehicleID: Int64, catu: Int8,
                             _ rng: inout SplitMix64) -> User {
        var u = randomRow(&rng).user
        u.accidentID = accident
        u.vehicleNumber = number
        u.vehicleID = vehicleID
        u.catu = catu
        if catu == 3 { u.place = 10 }
        u.grav = chance(0.03, &rng) ? -1 : Int8(Int.random(in: 1...4, using: &rng))
        return u
    }

    static func chance(_ p: Double, _ rng: inout SplitMix64) -> Bool { rng.nextUnit() < p }

    /// The request record a joined row stands for, built independently of the joins: the
    /// context from the tables, `other_catv` by removing the person's own vehicle.
    static func record(for row: FeatureRow, unit: PredictionUnit, in tables: BAACTables,
                       _ rng: inout SplitMix64) -> RawRecord {
        var record = RawRecord()
        let tablesOfUnit: [BAACField.Table] = unit == .person ? [.accident, .place, .vehicle, .user] : [.accident, .place]
        for field in BAACField.allCases where tablesOfUnit.contains(field.table) {
            if let value = rawValue(of: field, in: row, &rng) { record[field.rawValue] = value }
        }
        let a = row.accident
        if a.hour >= 0 {
            if a.minute >= 0 {
                record["hrmn"] = .string((a.hour < 10 ? "0" : "") + "\(a.hour):" + (a.minute < 10 ? "0" : "") + "\(a.minute)")
            } else {
                record["hour"] = .integer(Int(a.hour))
            }
        }
        let vehicles = tables.vehicles.filter { $0.accidentID == a.id }
        let users = tables.users.filter { $0.accidentID == a.id }
        switch unit {
        case .person:
            var others = vehicles
            if row.user.catu != 3, let own = others.firstIndex(of: row.vehicle) { others.remove(at: own) }
            record["other_catv"] = .array(others.map { .integer(Int($0.catv)) })
            record["vehicle_count"] = .integer(vehicles.count)
            record["person_count"] = .integer(users.count)
            record["pedestrian_count"] = .integer(users.filter { $0.catu == 3 }.count)
            record["two_wheeler_count"] = .integer(vehicles.filter { [1, 2, 4, 5, 30, 31, 32, 33, 34, 80].contains($0.catv) }.count)
            record["heavy_vehicle_count"] = .integer(vehicles.filter { [13, 14, 15, 16, 17, 18, 19, 37, 38, 39, 40].contains($0.catv) }.count)
            let obs = vehicles.map(\.obs).filter { $0 >= 0 }
            if !obs.isEmpty { record["fixed_obstacle"] = .bool(obs.contains { $0 != 0 && $0 != 16 }) }
        case .accident:
            record["vehicles"] = .array(vehicles.map { v in
                var r = FeatureRow.missing
                r.vehicle = v
                return .object(fields(of: .vehicle, in: r, &rng))
            })
            record["users"] = .array(users.map { u in
                var r = FeatureRow.missing
                r.user = u
                return .object(fields(of: .user, in: r, &rng))
            })
        }
        return record
    }

    private static func fields(of table: BAACField.Table, in row: FeatureRow, _ rng: inout SplitMix64) -> [String: RawValue] {
        var fields: [String: RawValue] = [:]
        for field in BAACField.allCases where field.table == table {
            if let value = rawValue(of: field, in: row, &rng) { fields[field.rawValue] = value }
        }
        return fields
    }

    /// A field's value as a client could send it (codes sometimes as -1 or null when missing,
    /// départements and `actp` letters sometimes as strings); nil to leave the field out.
    private static func rawValue(of field: BAACField, in row: FeatureRow, _ rng: inout SplitMix64) -> RawValue? {
        let v = field.value(of: row)
        guard !v.isNaN else {
            if case .code = field.kind, chance(0.3, &rng) { return .integer(-1) }
            return chance(0.3, &rng) ? .null : nil
        }
        switch field {
        case .lat: return .number(row.accident.latitude)
        case .long: return .number(row.accident.longitude)
        case .larrout: return .number(Double(row.place.roadWidth))
        case .dep where chance(0.5, &rng):
            return .string(BAACField.departementAliases.first { $0.value == Int(v) }!.key)
        case .actp where v >= 10 && chance(0.5, &rng): return .string(v == 10 ? "A" : "B")
        default: return .integer(Int(v))
        }
    }
}

extension FeatureSource {
    /// The raw value in a row held by value (the library reads rows through pointers).
    func value(of row: FeatureRow) -> Float { withUnsafePointer(to: row) { value(in: $0) } }
}

extension BAACField {
    func value(of row: FeatureRow) -> Float { FeatureSource.field(self).value(of: row) }
}

extension DerivedFeature {
    func value(of row: FeatureRow) -> Float { FeatureSource.derived(self).value(of: row) }
}
