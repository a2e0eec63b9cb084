import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentML

/// The reader on the real 2021 rows in `../shared/data/baac-raw-sample/2021/`.
@Suite(.requiresSharedData) struct BAACReaderSampleTests {
    static func read() throws -> BAACReadResult {
        try BAACReader().read(folder: try SharedData.url("baac-raw-sample/2021"))
    }

    @Test func countsAndLayout() throws {
        let result = try Self.read()
        #expect(result.tables.accidents.count == 65)
        #expect(result.tables.places.count == 65)
        #expect(result.tables.vehicles.count == 114)
        #expect(result.tables.users.count == 175)
        #expect(result.report.fileSets.map(\.layout) == [.y2019])
        #expect(result.report.fileSets.first?.files.year == 2021)
        #expect(result.report.totalSkipped == 0)
    }

    @Test func firstAccidentAndItsRows() throws {
        let t = try Self.read().tables
        let a = try #require(t.accidents.first { $0.id == 202100000001 })
        #expect((a.year, a.month, a.day, a.hour, a.minute) == (2021, 11, 30, 7, 32))
        #expect((a.lum, a.agg, a.intersection, a.atm, a.col) == (2, 1, 1, 1, 1))
        #expect(a.departement == 30 && a.commune == 30319)
        #expect(abs(a.latitude - 44.038958) < 1e-9 && abs(a.longitude - 4.348022) < 1e-9)

        let p = try #require(t.places.first { $0.accidentID == 202100000001 })
        #expect(p == Place(accidentID: 202100000001, catr: 3, circ: 2, nbv: 2, vosp: 0, prof: 1, plan: 1, surf: 1,
                           infra: 0, situ: 1, vma: 80, roadWidth: .nan))

        let vehicles = t.vehicles.filter { $0.accidentID == 202100000001 }
        #expect(vehicles == [
            Vehicle(accidentID: 202100000001, vehicleID: 201764, number: VehicleNumber("B01")!, senc: 1, catv: 1,
                    obs: 0, obsm: 2, choc: 1, manv: 1, motor: 5, occutc: -1),
            Vehicle(accidentID: 202100000001, vehicleID: 201765, number: VehicleNumber("A01")!, senc: 1, catv: 7,
                    obs: 0, obsm: 9, choc: 3, manv: 17, motor: 1, occutc: -1),
        ])
        let users = t.users.filter { $0.accidentID == 202100000001 }
        #expect(users == [
            User(accidentID: 202100000001, vehicleID: 201764, vehicleNumber: VehicleNumber("B01")!, place: 1, catu: 1,
                 grav: 3, sexe: 1, trajet: 1, secu1: 0, secu2: 9, secu3: -1, locp: 0, actp: 0, etatp: -1, birthYear: 2000),
            User(accidentID: 202100000001, vehicleID: 201765, vehicleNumber: VehicleNumber("A01")!, place: 1, catu: 1,
                 grav: 1, sexe: 1, trajet: 1, secu1: 1, secu2: -1, secu3: -1, locp: 0, actp: 0, etatp: -1, birthYear: 1978),
        ])
    }

    @Test func negativeCoordinatesOverseasAndZeroPaddedCodes() throws {
        let t = try Self.read().tables
        func accident(_ id: Int64) throws -> Accident { try #require(t.accidents.first { $0.id == id }) }
        let west = try accident(202100000003)  // " -0,9644600000"
        #expect(abs(west.longitude + 0.96446) < 1e-9 && west.month == 7)
        let polynesia = try accident(202100000008)  // dep "987", com "98715"
        #expect(polynesia.departement == 987 && polynesia.commune == 98715)
        #expect(abs(polynesia.latitude + 17.584522) < 1e-9 && abs(polynesia.longitude + 149.568578) < 1e-9)
        let reunion = try accident(202100000013)  // dep "974", 01:15
        #expect(reunion.departement == 974 && reunion.commune == 97418 && reunion.hour == 1 && reunion.minute == 15)
        let ardeche = try accident(202100000025)  // dep "07", com "07155"
        #expect(ardeche.departement == 7 && ardeche.commune == 7155)
    }

    @Test func missingCodesEmptyBirthYearAndOccupants() throws {
        let t = try Self.read().tables
        // usagers line 11: " -1" codes and an empty an_nais (hit-and-run driver).
        let hitAndRun = try #require(t.users.first { $0.accidentID == 202100000005 && $0.vehicleNumber == VehicleNumber("Z01") })
        #expect(hitAndRun == User(accidentID: 202100000005, vehicleID: 201755, vehicleNumber: VehicleNumber("Z01")!,
                                  place: 1, catu: 1, grav: -1, sexe: -1, trajet: -1, secu1: 8, secu2: -1, secu3: -1,
                                  locp: -1, actp: -1, etatp: -1, birthYear: -1))
        #expect(t.users.filter { $0.birthYear == -1 }.count == 5)
        #expect(t.users.filter { $0.grav == -1 }.count == 1)
        #expect(t.users.filter { $0.catu == 3 }.count == 12)
        let bus = try #require(t.vehicles.first { $0.accidentID == 202100000010 && $0.number == VehicleNumber("B01") })
        #expect(bus.vehicleID == 201745 && bus.catv == 37 && bus.occutc == 4)
        let place22 = try #require(t.places.first { $0.accidentID == 202100000022 })
        #expect(place22.circ == -1 && place22.roadWidth.isNaN && place22.vma == 50)
        let place6 = try #require(t.places.first { $0.accidentID == 202100000006 })
        #expect(place6.roadWidth == 4)
    }

    @Test func joinMatchesANaiveReadingOfTheFiles() throws {
        let t = try Self.read().tables
        let vehicleKeys = Set(t.vehicles.map { "\($0.accidentID)/\($0.vehicleID)" })
        #expect(t.users.allSatisfy { vehicleKeys.contains("\($0.accidentID)/\($0.vehicleID)") })
        // Per-accident counts against a plain split of the raw lines (independent of the scanner).
        for (file, rows) in [("vehicules-2021.csv", t.vehicles.map(\.accidentID)), ("usagers-2021.csv", t.users.map(\.accidentID))] {
            let text = try String(contentsOf: try SharedData.url("baac-raw-sample/2021/\(file)"), encoding: .utf8)
            let ids = text.split(separator: "\n").dropFirst().map { Int64($0.split(separator: ";")[0].dropFirst().dropLast())! }
            #expect(Dictionary(grouping: rows, by: { $0 }).mapValues(\.count)
                    == Dictionary(grouping: ids, by: { $0 }).mapValues(\.count), "\(file)")
        }
        #expect(t.users.filter { $0.accidentID == 202100000044 }.count == 13)
        #expect(t.vehicles.filter { $0.accidentID == 202100000044 }.count == 5)
    }
}

/// Decoding in many small chunks gives the same rows and absolute line numbers.
@Suite(.requiresSharedData) struct BAACReaderChunkTests {
    @Test(arguments: [1, 97, 1000])
    func tinyChunksGiveTheSameTables(chunkBytes: Int) throws {
        var options = BAACReadOptions()
        options.chunkBytes = chunkBytes
        let folder = try SharedData.url("baac-raw-sample/2021")
        #expect(try BAACReader(options: options).read(folder: folder).tables == BAACReader().read(folder: folder).tables)
    }

    @Test func errorsInLaterChunksKeepTheirLineNumber() throws {
        let folder = try TemporaryFolder()
        let source = try SharedData.url("baac-raw-sample/2021")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            var text = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
            if name.hasPrefix("usagers") {  // line 151: secu1 "x"
                var lines = text.components(separatedBy: "\n")
                lines[150] = lines[150].replacingOccurrences(of: "\";\"1\";\" -1\";\" -1\";", with: "\";\"x\";\" -1\";\" -1\";")
                text = lines.joined(separator: "\n")
            }
            try folder.write(name, text)
        }
        var options = BAACReadOptions(skipBadRows: true)
        options.chunkBytes = 500
        let result = try BAACReader(options: options).read(folder: folder.url)
        guard case .invalidValue(_, let line, let column, "x", _)? = result.report.examples.first else {
            Issue.record("\(result.report.examples)"); return
        }
        #expect(line == 151 && column == "secu1")
        #expect(result.tables.users.count == 174)
    }
}
