import Foundation
import Testing
@testable import AccidentML

@Suite struct FeatureInputErrorTests {
    static let person = FeatureEncoder(minimumCategoryCount: 1)
        .fit(.defaultPerson, on: FeatureTestData.tables(accidents: 50, seed: 31).personRows())
    static let accident = FeatureEncoder(minimumCategoryCount: 1)
        .fit(.defaultAccident, on: FeatureTestData.tables(accidents: 50, seed: 32).accidentRows())

    static let validPerson: RawRecord = ["an": 2021, "mois": 2, "jour": 14, "hrmn": "17:45", "catu": 1,
                                         "catv": 7, "vma": 80, "an_nais": 1978, "dep": "2A", "actp": "A",
                                         "lat": 41.9, "fixed_obstacle": false, "other_catv": [33, 14]]
    static let validAccident: RawRecord = ["an": 2021, "mois": 2, "jour": 14, "hour": 17, "vma": 80,
                                           "vehicles": [["catv": 7], ["catv": 33, "obs": 2]],
                                           "users": [["catu": 1, "secu1": 1], ["catu": 3]]]

    static func encode(_ record: RawRecord, _ encoder: FittedEncoder) throws {
        var buffer = [Float](repeating: 0, count: encoder.columnCount(for: .linear))
        try buffer.withUnsafeMutableBufferPointer { try encoder.encode(record: record, for: .linear, into: $0) }
    }

    @Test func validRecordsEncode() throws {
        try Self.encode(Self.validPerson, Self.person)
        try Self.encode(Self.validAccident, Self.accident)
        let row = try Self.person.row(from: Self.validPerson)
        #expect(row.accident.departement == 201 && row.user.actp == 10 && row.accident.minute == 45)
        #expect(row.heaviestOtherVehicle == VehicleCategory.MassClass.heavyRoad && row.context.fixedObstacle == 0)
        let accident = try Self.accident.row(from: Self.validAccident)
        #expect(accident.context.vehicleCount == 2 && accident.context.pedestrianCount == 1)
        #expect(accident.context.twoWheelerCount == 1 && accident.context.fixedObstacle == 1)
    }

    /// (change to a valid record, field path the error must name)
    static let personCases: [(String, RawValue?, String)] = [
        ("vmax", 90, "vmax"),
        ("vehicles", [], "vehicles"),
        ("catv", "seven", "catv"),
        ("catv", 77, "catv"),
        ("catv", 7.5, "catv"),
        ("vma", 300, "vma"),
        ("lat", 123.0, "lat"),
        ("lat", "north", "lat"),
        ("hrmn", "25:00", "hrmn"),
        ("hrmn", 1745, "hrmn"),
        ("hour", 17, "hour"),
        ("dep", "2C", "dep"),
        ("actp", "C", "actp"),
        ("fixed_obstacle", 2, "fixed_obstacle"),
        ("fixed_obstacle", "yes", "fixed_obstacle"),
        ("other_catv", [7, 77], "other_catv[1]"),
        ("other_catv", ["car"], "other_catv[0]"),
        ("other_catv", 7, "other_catv"),
        ("an", nil, "an"),
        ("catu", .null, "catu"),
        ("jour", 30, "jour"),
    ]

    static let accidentCases: [(String, RawValue?, String)] = [
        ("catv", 7, "catv"),
        ("vehicles", [["catv": 7], ["catv": 77]], "vehicles[1].catv"),
        ("vehicles", [["obs": 2], "car"], "vehicles[1]"),
        ("vehicles", nil, "vehicles"),
        ("users", [["catu": 1, "foo": 1]], "users[0].foo"),
        ("users", [3], "users[0]"),
        ("users", ["catu": 1], "users"),
    ]

    @Test func everyErrorNamesItsField() {
        for (unit, base, cases) in [(Self.person, Self.validPerson, Self.personCases),
                                    (Self.accident, Self.validAccident, Self.accidentCases)] {
            for (field, value, path) in cases {
                var record = base
                record[field] = value
                do {
                    try Self.encode(record, unit)
                    Issue.record("\(field) = \(String(describing: value)) was accepted")
                } catch let error as FeatureInputError {
                    #expect(error.path == path, "\(error)")
                    #expect(error.description.contains("\"\(path)\""), "\(error)")
                } catch {
                    Issue.record("unexpected error \(error)")
                }
            }
        }
    }

    @Test func messagesSayWhatIsAllowed() throws {
        var record = Self.validPerson
        record["catv"] = 77
        #expect(throws: FeatureInputError.outOfRange(path: "catv", value: "77", expected: BAACField.catv.kind.allowedDescription)) {
            try Self.encode(record, Self.person)
        }
        #expect(BAACField.catv.kind.allowedDescription.hasPrefix("one of 0...21, 30...43, 50, 60, 80, 99"))
        #expect(BAACField.actp.kind.allowedDescription.contains("\"A\" (= 10)"))
        #expect(BAACField.dep.kind.allowedDescription.contains("\"2B\" (= 202)"))
        record["catv"] = 7
        record["an"] = "2021"
        #expect(throws: FeatureInputError.wrongType(path: "an", found: "a string", expected: "a whole number in 1990...2100")) {
            try Self.encode(record, Self.person)
        }
        let error = FeatureInputError.wrongType(path: "an", found: "a string", expected: "a whole number in 1990...2100")
        #expect(error.description == "field \"an\" is a string: expected a whole number in 1990...2100")
    }

    @Test func nullAndMinusOneMeanMissing() throws {
        var record = Self.validPerson
        record["catv"] = -1
        record["vma"] = .null
        let row = try Self.person.row(from: record)
        #expect(row.vehicle.catv == -1 && row.place.vma == -1)
    }

    @Test func jsonRequestsDecodeIntoRecords() throws {
        let json = #"{"an": 2021, "mois": 2, "jour": 14, "hrmn": "17:45", "catu": 1, "catv": 7.0, "dep": "2A", "#
            + #""lat": 41.9, "vma": null, "fixed_obstacle": true, "other_catv": [33, -1]}"#
        let record = try JSONDecoder().decode(RawRecord.self, from: Data(json.utf8))
        #expect(record["vma"] == .null && record["dep"] == "2A" && record["other_catv"] == [33, -1])
        #expect(record["lat"] == .number(41.9) && record["fixed_obstacle"] == true)
        let row = try Self.person.row(from: record)
        #expect(row.vehicle.catv == 7 && row.place.vma == -1 && row.context.fixedObstacle == 1)
        #expect(row.heaviestOtherVehicle == VehicleCategory.MassClass.poweredLight)
        let again = try JSONDecoder().decode(RawRecord.self, from: JSONEncoder().encode(record))
        #expect(again == record)
    }
}
