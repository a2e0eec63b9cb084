import Testing
@testable import AccidentML

@Suite struct JoinTests {
    /// Accident 1 (2021, joined by id): a car (2 occupants) and an HGV that hit a pedestrian.
    /// Accident 2 (2016, joined by number): a motorcycle into a tree; one person of unknown grav.
    /// Accident 3 (2016): no place; a person whose vehicle does not exist.
    /// A person whose accident does not exist.
    static let tables: BAACTables = {
        let a01 = VehicleNumber("A01")!, b01 = VehicleNumber("B01")!
        return BAACTables(
            accidents: [Accident(id: 1, year: 2021, month: 3, day: 5), Accident(id: 2, year: 2016),
                        Accident(id: 3, year: 2016)],
            places: [Place(accidentID: 1, vma: 80), Place(accidentID: 2, vma: 50)],
            vehicles: [
                Vehicle(accidentID: 1, vehicleID: 101, number: a01, catv: 7, obs: 0),
                Vehicle(accidentID: 1, vehicleID: 102, number: b01, catv: 14, obs: 0),
                Vehicle(accidentID: 2, number: a01, catv: 33, obs: 2),
                Vehicle(accidentID: 3, number: a01, catv: 7),
            ],
            users: [
                User(accidentID: 1, vehicleID: 101, vehicleNumber: a01, catu: 1, grav: 4, secu1: 1, birthYear: 1980),
                // Wrong number on purpose: 2019+ rows must join by id.
                User(accidentID: 1, vehicleID: 101, vehicleNumber: VehicleNumber("Z99")!, catu: 2, grav: 3, secu1: 0, birthYear: 2010),
                User(accidentID: 1, vehicleID: 102, vehicleNumber: b01, catu: 1, grav: 1, secu1: 1, birthYear: 1970),
                User(accidentID: 1, vehicleID: 102, vehicleNumber: b01, place: 10, catu: 3, grav: 2, birthYear: 1950),
                User(accidentID: 2, vehicleNumber: a01, catu: 1, grav: 2, secu1: 2, birthYear: 1990),
                User(accidentID: 2, vehicleNumber: a01, catu: 2, grav: -1),
                User(accidentID: 3, vehicleNumber: VehicleNumber("C01")!, catu: 1, grav: 4),
                User(accidentID: 9, vehicleNumber: a01, catu: 1, grav: 1),
            ])
    }()

    @Test func personRowsJoinByIdFrom2019AndByNumberBefore() {
        let joined = Self.tables.personRows()
        #expect(joined.unit == .person)
        #expect(joined.rows.map(\.user.grav) == [4, 3, 1, 2, 2, 4])
        #expect(joined.rows.map(\.vehicle.catv) == [7, 7, 14, 14, 33, -1])
        #expect(joined.rows.map(\.target) == [1, 2, 0, 3, 3, 1])
        #expect(joined.rows.map(\.place.vma) == [80, 80, 80, 80, 50, -1])
        #expect(joined.report == JoinReport(rows: 6, unknownSeverity: 1, withoutAccident: 1, withoutVehicle: 1,
                                            withoutPlace: 1, duplicateKeys: 0))
    }

    @Test func personRowsCarryTheAccidentContext() {
        let rows = Self.tables.personRows().rows
        let first = rows[0].context
        #expect(first.vehicleCount == 2 && first.personCount == 4 && first.pedestrianCount == 1)
        #expect(first.twoWheelerCount == 0 && first.heavyVehicleCount == 1 && first.fixedObstacle == 0)
        let moto = rows[4].context
        #expect(moto.vehicleCount == 1 && moto.personCount == 2 && moto.twoWheelerCount == 1)
        #expect(moto.fixedObstacle == 1)
        #expect(rows[5].context.fixedObstacle == -1, "accident 3's only obs is missing")
    }

    @Test func heaviestOtherVehicleLeavesOutOnlyTheOwnVehicle() {
        let rows = Self.tables.personRows().rows
        let heavy = VehicleCategory.MassClass.heavyRoad, car = VehicleCategory.MassClass.car
        // Car occupants see the HGV, its driver sees the car, the pedestrian it hit sees the HGV,
        // the lone motorcyclist sees nothing, and an unmatched person sees their whole accident.
        #expect(rows.map(\.heaviestOtherVehicle) == [heavy, heavy, car, heavy, VehicleCategory.MassClass.none, car])
    }

    @Test func accidentRowsAreSevereWhenAnyoneIsKilledOrHospitalised() {
        var tables = Self.tables
        tables.accidents.append(Accident(id: 4, year: 2021))
        tables.users += [User(accidentID: 4, catu: 1, grav: 1), User(accidentID: 4, catu: 2, grav: -1)]
        tables.accidents.append(Accident(id: 5, year: 2021))
        tables.accidents.append(Accident(id: 1, year: 2020))
        let joined = tables.accidentRows()
        #expect(joined.rows.map(\.accident.id) == [1, 2, 3])
        #expect(joined.rows.map(\.target) == [1, 1, 0])
        #expect(joined.report.unknownSeverity == 2, "accident 4 has an unknown grav, accident 5 no person")
        #expect(joined.report.duplicateKeys == 1)
        #expect(joined.report.withoutPlace == 1)
        let first = joined.rows[0].context
        #expect(first.unprotectedOccupant == 1, "the passenger had no equipment")
        #expect(first.earliestBirthYear == 1950 && first.latestBirthYear == 2010)
        #expect(first.heaviestMass(excluding: nil) == VehicleCategory.MassClass.heavyRoad)
        #expect(joined.rows[1].context.unprotectedOccupant == 0)
        #expect(joined.rows.allSatisfy { $0.user.catu == -1 && $0.vehicle.catv == -1 })
    }

    @Test func hashJoinMatchesANestedLoopJoin() {
        let tables = FeatureTestData.tables(accidents: 300, seed: 11)
        let joined = tables.personRows()
        var expected: [(Int64, Int8, Int8)] = []
        for u in tables.users where u.grav != -1 {
            guard let a = tables.accidents.first(where: { $0.id == u.accidentID }) else { continue }
            let v = tables.vehicles.first { v in
                v.accidentID == u.accidentID
                    && (u.vehicleID != -1 ? v.vehicleID == u.vehicleID : v.number == u.vehicleNumber)
            }
            expected.append((a.id, v?.catv ?? -1, u.catu))
        }
        #expect(joined.count == expected.count)
        #expect(joined.rows.map(\.accident.id) == expected.map(\.0))
        #expect(joined.rows.map(\.vehicle.catv) == expected.map(\.1))
        #expect(joined.rows.map(\.user.catu) == expected.map(\.2))
        #expect(joined.report.withoutVehicle > 0 && joined.report.unknownSeverity > 0)
    }
}
