import Foundation
import Testing
@testable import AccidentML

/// The severity mechanism leaves a real, learnable signal in the generated rows.
@Suite struct SyntheticSeverityTests {
    let sample = SyntheticSample.shared

    func severe(_ filter: (User) -> Bool) -> Double { SyntheticSample.severeShare(sample.users(where: filter)) }

    func kind(_ u: User) -> SyntheticVehicleKind {
        u.catu == 3 ? .pedestrian : SyntheticVehicleKind(catv: sample.vehicle(of: u)!.catv)
    }

    @Test func fastRoadsOutsideTownsAreMuchWorse() {
        let fast = severe { let p = sample.placeByID[$0.accidentID]!
            return p.vma >= 80 && sample.accidentByID[$0.accidentID]!.agg == 1 }
        let slow = severe { let p = sample.placeByID[$0.accidentID]!
            return p.vma >= 0 && p.vma <= 50 && sample.accidentByID[$0.accidentID]!.agg == 2 }
        #expect(fast > 2 * slow, "killed+hospitalised \(fast) at ≥80 outside vs \(slow) at ≤50 in town")
    }

    @Test func pedestriansAndRidersFareWorseThanCarOccupants() {
        let car = severe { $0.catu != 3 && kind($0) == .car }
        let pedestrian = severe { $0.catu == 3 }
        let rider = severe { $0.catu != 3 && kind($0) == .poweredTwoWheeler }
        let cyclist = severe { $0.catu != 3 && kind($0) == .light }
        #expect(pedestrian > 2 * car && rider > 2 * car && cyclist > 1.5 * car, "\(pedestrian) \(rider) \(cyclist) vs \(car)")
    }

    @Test func noBeltOrHelmetIsWorse() {
        let belted = severe { kind($0) == .car && $0.secu1 == 1 }
        let unbelted = severe { kind($0) == .car && $0.secu1 == 0 }
        #expect(unbelted > 1.5 * belted, "\(unbelted) vs \(belted)")
        let helmet = severe { kind($0) == .poweredTwoWheeler && $0.secu1 == 2 }
        let noHelmet = severe { kind($0) == .poweredTwoWheeler && $0.secu1 == 0 }
        #expect(noHelmet > 1.3 * helmet, "\(noHelmet) vs \(helmet)")
    }

    @Test func olderPeopleHeadOnCrashesAndTreesAreWorse() {
        let old = severe { $0.birthYear > 0 && 2021 - Int($0.birthYear) >= 75 }
        let adult = severe { $0.birthYear > 0 && (30...50).contains(2021 - Int($0.birthYear)) }
        #expect(old > 1.5 * adult, "\(old) vs \(adult)")
        let headOn = severe { $0.catu != 3 && sample.accidentByID[$0.accidentID]!.col == 1 }
        let rearEnd = severe { $0.catu != 3 && sample.accidentByID[$0.accidentID]!.col == 2 }
        #expect(headOn > 2 * rearEnd, "\(headOn) vs \(rearEnd)")
        let tree = severe { $0.catu != 3 && sample.vehicle(of: $0)!.obs == 2 }
        let noObstacle = severe { $0.catu != 3 && sample.vehicle(of: $0)!.obs == 0 }
        #expect(tree > 1.5 * noObstacle, "\(tree) vs \(noObstacle)")
    }

    @Test func nightIsWorseThanDay() {
        let night = severe { [3, 4, 5].contains(sample.accidentByID[$0.accidentID]!.lum) }
        let day = severe { sample.accidentByID[$0.accidentID]!.lum == 1 }
        #expect(night > 1.15 * day, "\(night) vs \(day)")
    }

    @Test func latentRiskIsOrderedAsDocumented() {
        let severity = SyntheticSeverity()
        let town = SyntheticScene(id: 1, inTown: true, catr: 4, vma: 50, lum: 1, col: 3, pedestrians: 0,
                                  vehicleCount: 2, accidentEffect: 0)
        var fast = town
        fast.inTown = false; fast.vma = 90; fast.col = 1; fast.lum = 3
        let driver = SyntheticSeverity.Person(kind: .car, opponent: .car, catv: 7, catu: 1, age: 40, secu1: 1, obstacle: 0)
        var pedestrian = driver
        pedestrian.kind = .pedestrian; pedestrian.opponent = .heavy; pedestrian.catu = 3; pedestrian.secu1 = -1
        var unbelted = driver
        unbelted.secu1 = 0
        #expect(severity.risk(driver, fast) > severity.risk(driver, town) + 2)
        #expect(severity.risk(pedestrian, town) > severity.risk(driver, town) + 2)
        #expect(abs(severity.risk(unbelted, town) - severity.risk(driver, town) - 1) < 1e-12)
        #expect(severity.grav(latent: -10) == 1 && severity.grav(latent: 2) == 4
            && severity.grav(latent: 4) == 3 && severity.grav(latent: 10) == 2)
    }
}
