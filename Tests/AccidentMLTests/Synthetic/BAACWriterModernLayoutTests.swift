import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentML

/// Exact text of the 2019 and 2022 layouts for hand-built records.
@Suite struct BAACWriterModernLayoutTests {
    static let accidents = [
        Accident(id: 202100000003, year: 2021, month: 7, day: 15, hour: 7, minute: 55, lum: 1, agg: 2,
                 intersection: 1, atm: 7, col: 6, departement: 85, commune: 85048,
                 latitude: 46.92195, longitude: -0.96446),
        Accident(id: 202100000016, year: 2021, month: 12, day: 2, hour: 0, minute: 5, agg: 1,
                 departement: 201, commune: 201004),
        Accident(id: 202100000008, year: 2021, month: 11, day: 21, hour: 16, minute: 30, lum: 1, agg: 2,
                 intersection: 1, atm: 1, col: 3, departement: 987, commune: 98715,
                 latitude: -17.584522, longitude: -149.568578),
    ]
    static let places = [
        Place(accidentID: 202100000001, catr: 3, circ: 2, nbv: 2, vosp: 0, prof: 1, plan: 1, surf: 1,
              infra: 0, situ: 1, vma: 80),
        Place(accidentID: 202100000002, catr: 4, circ: -1, prof: 2, plan: 3, surf: 2, infra: 5, situ: 1,
              roadWidth: 5.5),
        Place(accidentID: 202100000003, catr: 1, circ: 3, nbv: 4, vosp: 0, prof: 1, plan: 1, surf: 1,
              infra: 0, situ: 1, vma: 130, roadWidth: 12),
    ]
    /// Rows that exist verbatim in the real 2021 files.
    static let vehicles = [
        Vehicle(accidentID: 202100000001, vehicleID: 201764, number: VehicleNumber("B01")!, senc: 1, catv: 1,
                obs: 0, obsm: 2, choc: 1, manv: 1, motor: 5),
        Vehicle(accidentID: 202100000010, vehicleID: 201745, number: VehicleNumber("B01")!, senc: 1, catv: 37,
                obs: 0, obsm: 2, choc: 3, manv: 2, motor: 2, occutc: 4),
    ]
    static let users = [
        User(accidentID: 202100000001, vehicleID: 201764, vehicleNumber: VehicleNumber("B01")!, place: 1, catu: 1,
             grav: 3, sexe: 1, trajet: 1, secu1: 0, secu2: 9, secu3: -1, locp: 0, actp: 0, birthYear: 2000),
        User(accidentID: 202100000005, vehicleID: 201755, vehicleNumber: VehicleNumber("Z01")!, place: 1, catu: 1,
             secu1: 8),
        User(accidentID: 202100000023, vehicleID: 201719, vehicleNumber: VehicleNumber("A01")!, place: 10, catu: 3,
             grav: 4, sexe: 1, trajet: 0, secu1: 0, locp: 2, actp: 3, etatp: 1, birthYear: 1973),
    ]
    static let realVehicleLines = [
        #""202100000001";"201Â\#u{A0}764";"B01";"1";"1";"0";"2";"1";"1";"5";"""#,
        #""202100000010";"201Â\#u{A0}745";"B01";"1";"37";"0";"2";"3";"2";"2";"4""#,
    ]
    static let realUserLines = [
        #""202100000001";"201Â\#u{A0}764";"B01";"1";"1";"3";"1";"2000";"1";"0";"9";" -1";"0";"0";" -1""#,
        #""202100000005";"201Â\#u{A0}755";"Z01";"1";"1";" -1";" -1";"";" -1";"8";" -1";" -1";" -1";" -1";" -1""#,
        #""202100000023";"201Â\#u{A0}719";"A01";"10";"3";"4";"1";"1973";"0";"0";" -1";" -1";"2";"3";"1""#,
    ]
    static var tables: BAACTables { BAACTables(accidents: accidents, places: places, vehicles: vehicles, users: users) }

    @Test func writes2019Lines() throws {
        let files = try writtenLines(Self.tables, year: 2021, layout: .y2019)
        #expect(files[0].dropFirst().map { $0 } == [
            #""202100000003";"15";"07";"2021";"07:55";"1";"85";"85048";"2";"1";"7";"6";"GAMBETTA (BOULEVARD)";"46,9219500000";" -0,9644600000""#,
            #""202100000016";"2";"12";"2021";"00:05";" -1";"2A";"2A004";"1";" -1";" -1";" -1";"Route dÃ©partementale 12";"";"""#,
            #""202100000008";"21";"11";"2021";"16:30";"1";"987";"98715";"2";"1";"1";"3";"Avenue Jean JaurÃ¨s";" -17,5845220000";" -149,5685780000""#,
        ].map(utf8))
        #expect(files[1].dropFirst().map { $0 } == [
            #""202100000001";"3";"N/A";" -1";"N/A";"2";"2";"0";"1";"(1)";"(1)";"1";"";" -1";"1";"0";"1";"80""#,
            #""202100000002";"4";"N/A";" -1";"N/A";" -1";" -1";" -1";"2";"(1)";"(1)";"3";"";"5,5";"2";"5";"1";" -1""#,
            #""202100000003";"1";"N/A";" -1";"N/A";"3";"4";"0";"1";"(1)";"(1)";"1";"";"12";"1";"0";"1";"130""#,
        ].map(utf8))
        #expect(files[2].dropFirst().map { $0 } == Self.realVehicleLines.map(utf8))
        #expect(files[3].dropFirst().map { $0 } == Self.realUserLines.map(utf8))
    }

    @Test func idsUseTheDoubleEncodedNoBreakSpace() {
        #expect(encodedBytes { ModernRowEncoder.appendID(1_234_567, &$0) }
            == [0x31, 0xC3, 0x82, 0xC2, 0xA0, 0x32, 0x33, 0x34, 0xC3, 0x82, 0xC2, 0xA0, 0x35, 0x36, 0x37])
        #expect(encodedBytes { ModernRowEncoder.appendID(764, &$0) } == utf8("764"))
        #expect(encodedBytes { ModernRowEncoder.appendID(-1, &$0) }.isEmpty)
    }

    @Test func writes2022FileNamesHeadersAndUserIDs() throws {
        var tables = Self.tables
        tables.users[0].userID = 1_099_700
        try withTemporaryFolder { folder in
            let files = try BAACWriter.write(tables, year: 2022, layout: .y2022, to: folder)
            #expect(files.urls.map(\.lastPathComponent)
                == ["carcteristiques-2022.csv", "lieux-2022.csv", "vehicules-2022.csv", "usagers-2022.csv"])
            #expect(files.rowCounts == [3, 3, 2, 3])
            let lines = try files.urls.map(byteLines)
            #expect(lines[0][0] == utf8(#""Accident_Id";"jour";"mois";"an";"hrmn";"lum";"dep";"com";"agg";"int";"atm";"col";"adr";"lat";"long""#))
            #expect(lines[3][0] == utf8(#""Num_Acc";"id_usager";"id_vehicule";"num_veh";"place";"catu";"grav";"sexe";"an_nais";"trajet";"secu1";"secu2";"secu3";"locp";"actp";"etatp""#))
            #expect(lines[3][1] == utf8(#""202100000001";"1Â\#u{A0}099Â\#u{A0}700";"201Â\#u{A0}764";"B01";"1";"1";"3";"1";"2000";"1";"0";"9";" -1";"0";"0";" -1""#))
            #expect(lines[3][2] == utf8(#""202100000005";"";"201Â\#u{A0}755";"Z01";"1";"1";" -1";" -1";"";" -1";"8";" -1";" -1";" -1";" -1";" -1""#))
            #expect(lines[2][1] == utf8(Self.realVehicleLines[0]))
        }
    }

    @Test func writesPedestrianActionLetters() throws {
        var user = Self.users[2]
        user.actp = 10
        var tables = BAACTables(users: [user])
        user.actp = 11
        tables.users.append(user)
        let lines = try writtenLines(tables, year: 2021, layout: .y2019)[3]
        #expect(lines[1] == utf8(#""202100000023";"201Â\#u{A0}719";"A01";"10";"3";"4";"1";"1973";"0";"0";" -1";" -1";"2";"A";"1""#))
        #expect(lines[2] == utf8(#""202100000023";"201Â\#u{A0}719";"A01";"10";"3";"4";"1";"1973";"0";"0";" -1";" -1";"2";"B";"1""#))
    }

    @Test(.enabled(if: SyntheticSharedData.shouldRunRawSampleTests, "needs ../shared/data/baac-raw-sample/2021"))
    func matchesTheReal2021HeadersAndRows() throws {
        let sample = try SyntheticSharedData.requireRawSample2021()
        let written = try writtenLines(Self.tables, year: 2021, layout: .y2019)
        let names = BAACWriter.Layout.y2019.fileNames(year: 2021)
        #expect(names == ["caracteristiques-2021.csv", "lieux-2021.csv", "vehicules-2021.csv", "usagers-2021.csv"])
        for (index, name) in names.enumerated() {
            let real = try byteLines(of: sample.appendingPathComponent(name))
            #expect(written[index][0] == real[0], "header of \(name)")
            #expect(BAACWriter.Layout.y2019.headerLines[index] == String(decoding: real[0], as: UTF8.self))
            if index >= 2 {
                // vehicules and usagers have no placeholder column: the rows must exist verbatim.
                for line in written[index].dropFirst() {
                    #expect(real.contains(line), "\(String(decoding: line, as: UTF8.self)) not in \(name)")
                }
            }
        }
    }
}
