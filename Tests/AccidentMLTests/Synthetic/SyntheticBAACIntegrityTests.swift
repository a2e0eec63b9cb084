import Foundation
import Testing
@testable import AccidentML

/// Referential integrity and ids of the generated tables, and what each year's files lack.
@Suite struct SyntheticBAACIntegrityTests {
    let sample = SyntheticSample.shared

    @Test func everyRowJoins() {
        let t = sample.tables
        #expect(Set(t.accidents.map(\.id)).count == t.accidents.count, "Num_Acc unique")
        #expect(t.places.map(\.accidentID) == t.accidents.map(\.id), "one place per accident, same order")
        #expect(t.vehicles.allSatisfy { sample.accidentByID[$0.accidentID] != nil }, "vehicle → accident")
        #expect(t.users.allSatisfy { sample.vehicle(of: $0) != nil }, "user → vehicle")
        #expect(Set(t.vehicles.map(\.accidentID)) == Set(t.accidents.map(\.id)), "every accident has a vehicle")
        let withPeople = Set(t.users.map { SyntheticSample.VehicleKey(accident: $0.accidentID, vehicle: $0.vehicleID,
                                                                       number: $0.vehicleNumber.packed) })
        #expect(withPeople.count == t.vehicles.count, "every vehicle has a person")
    }

    @Test func idsAreConsecutiveAndNumbersOfficial() {
        let t = sample.tables
        #expect(t.accidents.first?.id == 202_100_000_001 && t.accidents.last?.id == 202_100_030_000)
        #expect(t.vehicles.map(\.vehicleID) == Array(SyntheticBAAC.firstVehicleID..<(SyntheticBAAC.firstVehicleID + Int64(t.vehicles.count))))
        #expect(t.users.allSatisfy { $0.userID == -1 }, "no id_usager before 2022")
        let numbers = Set(t.vehicles.map(\.number.description))
        #expect(numbers.isSubset(of: ["A01", "B01", "C01", "D01", "E01"]) && numbers.contains("B01"))
    }

    @Test func everyAccidentHasAnInjuredPerson() {
        var injured = Set<Int64>()
        for u in sample.tables.users where u.grav >= 2 { injured.insert(u.accidentID) }
        #expect(injured.count == sample.tables.accidents.count)
    }

    @Test func pedestriansAreAttachedToTheVehicleThatHitThem() {
        let pedestrians = sample.tables.users.filter { $0.catu == 3 }
        #expect(!pedestrians.isEmpty)
        #expect(pedestrians.allSatisfy { $0.place == 10 && $0.vehicleNumber.description == "A01" && $0.locp >= 0 })
        #expect(pedestrians.allSatisfy { sample.vehicle(of: $0)?.obsm == 1 })
    }

    @Test func yearsBefore2019LackWhatTheirFilesLack() {
        let old = SyntheticBAAC(seed: 3, year: 2016).tables(count: 2_000)
        #expect(old.accidents.allSatisfy { $0.year == 2016 && $0.id / 100_000_000 == 2016 })
        #expect(old.vehicles.allSatisfy { $0.vehicleID == -1 && $0.motor == -1 })
        #expect(old.users.allSatisfy { $0.vehicleID == -1 && $0.userID == -1 && $0.secu2 == -1 && $0.grav != -1 })
        #expect(old.places.allSatisfy { $0.vma == -1 })
        #expect(old.accidents.allSatisfy { ($0.latitude * 1e5).rounded() / 1e5 == $0.latitude })
    }

    @Test func year2022NumbersUsersConsecutively() {
        let t = SyntheticBAAC(seed: 3, year: 2022).tables(count: 1_000)
        #expect(t.users.map(\.userID) == Array(SyntheticBAAC.firstUserID..<(SyntheticBAAC.firstUserID + Int64(t.users.count))))
    }
}
