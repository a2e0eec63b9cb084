import Foundation
import Testing
@testable import AccidentML

/// The generated year looks like a real one: counts per accident, shares, official codes.
@Suite struct SyntheticBAACMarginalsTests {
    let sample = SyntheticSample.shared
    var accidents: Double { Double(sample.tables.accidents.count) }

    func share<T>(_ rows: [T], _ filter: (T) -> Bool) -> Double {
        Double(rows.filter(filter).count) / Double(rows.count)
    }

    @Test func peopleAndVehiclesPerAccident() {
        let t = sample.tables
        #expect(abs(Double(t.vehicles.count) / accidents - 1.7) < 0.1)
        #expect(abs(Double(t.users.count) / accidents - 2.3) < 0.1)
    }

    @Test func aQuarterOfAccidentsInTownInvolveAPedestrian() {
        let withPedestrian = Set(sample.tables.users.filter { $0.catu == 3 }.map(\.accidentID))
        let inTown = sample.tables.accidents.filter { $0.agg == 2 }
        #expect(abs(share(inTown) { withPedestrian.contains($0.id) } - 0.25) < 0.03)
        #expect(abs(Double(inTown.count) / accidents - 0.65) < 0.05)
        #expect(share(sample.tables.accidents.filter { $0.agg == 1 }) { withPedestrian.contains($0.id) } < 0.08)
    }

    @Test func severitySharesMatchTheOfficialOnes() {
        let users = sample.tables.users
        #expect(abs(share(users) { $0.grav == 1 } - 0.42) < 0.03, "unharmed")
        #expect(abs(share(users) { $0.grav == 4 } - 0.40) < 0.03, "slightly injured")
        #expect(abs(share(users) { $0.grav == 3 } - 0.15) < 0.02, "hospitalised")
        #expect(abs(share(users) { $0.grav == 2 } - 0.025) < 0.008, "killed")
        #expect(share(users) { $0.grav == -1 } < 0.01, "hit-and-run, unknown")
    }

    @Test func vehicleCategoriesAreOfficialCodesWithCarsFirst() {
        let official: Set<Int8> = [0, 1, 2, 3, 7, 10, 13, 14, 15, 16, 17, 20, 21, 30, 31, 32, 33, 34, 35, 36, 37,
                                   38, 39, 40, 41, 42, 43, 50, 60, 80, 99]
        let vehicles = sample.tables.vehicles
        #expect(vehicles.allSatisfy { official.contains($0.catv) })
        #expect(abs(share(vehicles) { $0.catv == 7 } - 0.6) < 0.05, "cars")
        #expect(share(vehicles) { [2, 30, 31, 32, 33, 34].contains($0.catv) } > 0.12, "powered two-wheelers")
        #expect(share(vehicles) { [1, 80].contains($0.catv) } > 0.04, "bicycles")
        #expect(share(vehicles) { $0.catv == 10 } > 0.05, "vans")
        #expect(share(vehicles) { [13, 14, 15, 17].contains($0.catv) } > 0.02, "heavy goods vehicles")
    }

    @Test func speedLimitsFollowRoadAndAgglomeration() {
        let allowed: Set<Int16> = [-1, 20, 30, 40, 50, 70, 80, 90, 110, 130]
        #expect(sample.tables.places.allSatisfy { allowed.contains($0.vma) })
        let motorways = sample.tables.places.filter { $0.catr == 1 && sample.accidentByID[$0.accidentID]!.agg == 1 }
        #expect(share(motorways) { $0.vma == 130 } > 0.6)
        let town = sample.tables.places.filter { $0.catr == 4 && sample.accidentByID[$0.accidentID]!.agg == 2 }
        #expect(share(town) { $0.vma == 50 || $0.vma == 30 } > 0.85)
    }

    @Test func rushHoursPeak() {
        var hours = [Int](repeating: 0, count: 24)
        for a in sample.tables.accidents { hours[Int(a.hour)] += 1 }
        #expect(hours[17] + hours[18] > 3 * (hours[3] + hours[4]))
        #expect(hours[8] > hours[6] && hours[8] > hours[10])
        #expect(sample.tables.accidents.allSatisfy { (1...12).contains($0.month) && $0.day >= 1
            && Int($0.day) <= SyntheticGenerator.days(inMonth: Int($0.month), year: 2021) })
    }

    @Test func departementsAreWeightedAndCoordinatesInTheirBoxes() {
        var counts = [Int16: Int]()
        for a in sample.tables.accidents { counts[a.departement, default: 0] += 1 }
        #expect(counts[59, default: 0] > 5 * counts[48, default: 0], "Nord far more than Lozère")
        #expect(counts[201, default: 0] > 0 && counts[202, default: 0] > 0, "Corsica")
        #expect([971, 972, 973, 974, 976].allSatisfy { counts[$0, default: 0] > 0 }, "overseas")
        let boxes = Dictionary(uniqueKeysWithValues: FrenchDepartement.all.map { ($0.code, $0) })
        for a in sample.tables.accidents {
            let box = boxes[a.departement]!
            #expect(abs(a.latitude - box.latitude) <= box.halfLatitude + 1e-6)
            #expect(abs(a.longitude - box.longitude) <= box.halfLongitude + 1e-6)
            let prefix = a.departement >= 971 ? a.commune / 100 : a.commune / 1000
            #expect(prefix == Int32(a.departement), "commune \(a.commune) in département \(a.departement)")
        }
        let reunion = sample.tables.accidents.first { $0.departement == 974 }!
        #expect(reunion.latitude < -20 && reunion.longitude > 55)
    }
}
