import Testing
@testable import AccidentML

@Suite struct FeatureSourceTests {
    @Test func sourceNamesAreUniqueAndRoundTrip() {
        let names = BAACField.allCases.map(\.rawValue) + DerivedFeature.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        #expect(!names.contains("grav"), "the outcome is never a source")
        for name in names { #expect(FeatureSource(name: name)?.description == name) }
        #expect(FeatureSource(name: "grav") == nil)
    }

    @Test func everyFieldReadsBackWhatWasWritten() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<50 {
            var row = FeatureRow.missing
            for field in BAACField.allCases {
                let x: Double
                switch field.kind {
                case let .code(allowed, _): x = Double(allowed.randomElement(using: &rng)!)
                case let .integer(range): x = Double(Int.random(in: range, using: &rng))
                case let .number(range): x = Double(Float(Double.random(in: range, using: &rng)))
                default: Issue.record("unexpected kind for \(field)"); continue
                }
                field.write(x, into: &row)
                #expect(Double(field.value(of: row)) == x, "\(field)")
            }
            // Each field has its own storage: nothing written later overwrote an earlier one.
            let again = BAACField.allCases.map { $0.value(of: row) }
            #expect(again.allSatisfy { !$0.isNaN })
        }
        #expect(BAACField.allCases.allSatisfy { $0.value(of: .missing).isNaN })
    }

    @Test func weekdaysOfKnownDates() {
        #expect(CalendarDate.isoWeekday(year: 1970, month: 1, day: 1) == 4)
        #expect(CalendarDate.isoWeekday(year: 2021, month: 1, day: 1) == 5)
        #expect(CalendarDate.isoWeekday(year: 2000, month: 2, day: 29) == 2)
        #expect(CalendarDate.isoWeekday(year: 2024, month: 12, day: 25) == 3)
        #expect(CalendarDate.isoWeekday(year: 2023, month: 1, day: 1) == 7)
        #expect(CalendarDate.isoWeekday(year: 2021, month: 2, day: 29) == -1)
        #expect(CalendarDate.isoWeekday(year: 2021, month: 13, day: 1) == -1)
    }

    @Test func derivedValuesOfOneRow() {
        var row = FeatureRow.missing
        func value(_ d: DerivedFeature) -> Float { d.value(of: row) }
        #expect(DerivedFeature.allCases.allSatisfy { $0.value(of: .missing).isNaN })
        row.accident.year = 2021; row.accident.month = 1; row.accident.day = 1
        row.accident.hour = 17; row.accident.minute = 45; row.accident.lum = 4; row.accident.agg = 1
        row.user.birthYear = 1978; row.user.secu1 = 0; row.user.secu2 = 2
        row.vehicle.catv = 33; row.place.vma = 80
        #expect(value(.age) == 43 && value(.hour) == 17 && value(.minuteOfDay) == 17 * 60 + 45)
        #expect(value(.weekday) == 5 && value(.night) == 1 && value(.insideAgglomeration) == 0)
        #expect(value(.speedLimitBand) == 4 && value(.safetyEquipmentUsed) == 1)
        #expect(value(.vehicleGroup) == Float(VehicleCategory.Group.motorcycle))
        row.user.secu2 = 8
        #expect(value(.safetyEquipmentUsed) == 0, "no equipment (0) is known; 8 is undeterminable")
        row.user.secu1 = -1
        #expect(value(.safetyEquipmentUsed).isNaN)
        row.context = .empty
        row.context.vehicleCount = 4; row.context.twoWheelerCount = 1
        #expect(value(.twoWheelerShare) == 0.25 && value(.pedestrianShare).isNaN)
    }

    @Test func speedLimitBandEdges() {
        let cases: [(Int16, Int8)] = [(-1, -1), (0, -1), (1, 1), (30, 1), (31, 2), (50, 2), (70, 3), (80, 4),
                                      (90, 5), (110, 6), (130, 7), (131, -1)]
        for (vma, band) in cases { #expect(DerivedFeature.speedBand(vma: vma) == band, "vma \(vma)") }
    }

    @Test func vehicleCategoriesAreConsistent() {
        for catv in BAACField.vehicleCategories {
            let c = VehicleCategory.of(catv: Int8(catv))
            if c.isTwoWheeler {
                #expect([VehicleCategory.Group.bicycle, VehicleCategory.Group.moped, VehicleCategory.Group.motorcycle].contains(c.group))
            }
            if c.isHeavy {
                #expect([VehicleCategory.Group.heavyGoods, VehicleCategory.Group.busOrCoach, VehicleCategory.Group.rail].contains(c.group))
            }
            #expect((c.group == -1) == (catv == 0), "every known catv but 0 has a group (\(catv))")
        }
        #expect(VehicleCategory.of(catv: 7).mass < VehicleCategory.of(catv: 14).mass)
        #expect(VehicleCategory.of(catv: -1) == .unknown && VehicleCategory.of(catv: 77) == .unknown)
    }
}
