import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentML

/// The 2005–2018 and 2022+ layouts, from fixtures written by the tests, normalised like 2021.
@Suite struct BAACReaderLayoutTests {
    @Test func oldLayoutIsNormalisedLikeTheNewOne() throws {
        let folder = try TemporaryFolder()
        try BAACFixtures.write(BAACFixtures.y2016, to: folder)
        let result = try BAACReader().read(folder: folder.url)
        #expect(result.report.fileSets.map(\.layout) == [.y2005])
        let t = result.tables
        #expect((t.accidents.count, t.places.count, t.vehicles.count, t.users.count) == (4, 4, 5, 6))

        let a = t.accidents
        #expect(a[0] == Accident(id: 201600000299, year: 2016, month: 6, day: 6, hour: 17, minute: 0, lum: 1, agg: 2,
                                 intersection: 1, atm: 1, col: 6, departement: 62, commune: 62767,
                                 latitude: 50.38178, longitude: 2.33586))
        // 45 → 00:45; lum and int 0 → missing; Corsica 201 kept, com 004 → 201004.
        #expect(a[1] == Accident(id: 201600000300, year: 2016, month: 7, day: 8, hour: 0, minute: 45, lum: -1, agg: 2,
                                 intersection: -1, atm: 1, col: 3, departement: 201, commune: 201004,
                                 latitude: 41.9256, longitude: 8.736))
        // Overseas: dep 974 kept, com 411 → 97411, negative latitude.
        #expect(a[2].departement == 974 && a[2].commune == 97411 && a[2].latitude == -20.93108 && a[2].longitude == 55.53722)
        // dep 10 → 1 (Ain), empty com and coordinates → missing.
        #expect(a[3].departement == 1 && a[3].commune == -1 && a[3].latitude.isNaN && a[3].longitude.isNaN)

        #expect(t.places[0] == Place(accidentID: 201600000299, catr: 1, circ: 1, nbv: 2, vosp: 0, prof: 1, plan: 1,
                                     surf: 1, infra: 0, situ: 1, vma: -1, roadWidth: 7))
        #expect(t.places[1].circ == -1 && t.places[1].prof == -1 && t.places[1].roadWidth.isNaN)
        #expect(t.places[2].roadWidth == 10.5 && t.places[3].roadWidth.isNaN)

        #expect(t.vehicles[1] == Vehicle(accidentID: 201600000299, vehicleID: -1, number: VehicleNumber("B02")!, senc: 0,
                                         catv: 33, obs: 0, obsm: 2, choc: 3, manv: 15, motor: -1, occutc: 0))
        #expect(t.vehicles[3].occutc == 12)

        // secu 11 → 1 (belt used), 22 → 0 (helmet not used), 13 → 8, empty → -1, 93 → 8, 41 → 4.
        #expect(t.users.map(\.secu1) == [1, 0, 8, -1, 8, 4])
        #expect(t.users.allSatisfy { $0.secu2 == -1 && $0.secu3 == -1 && $0.vehicleID == -1 && $0.userID == -1 })
        #expect(t.users[0] == User(accidentID: 201600000299, vehicleNumber: VehicleNumber("A01")!, place: 1, catu: 1,
                                   grav: 3, sexe: 2, trajet: 1, secu1: 1, locp: 0, actp: 0, etatp: -1, birthYear: 1979))
        // Pedestrian: empty place, actp A → 10; empty an_nais → -1.
        #expect(t.users[4].place == -1 && t.users[4].actp == 10 && t.users[4].etatp == 1)
        #expect(t.users[2].birthYear == -1)
    }

    @Test func tabSeparatedCharacteristicsAsIn2009() throws {
        let folder = try TemporaryFolder()
        var files = BAACFixtures.y2016
        files["caracteristiques_2016.csv"] = [
            "Num_Acc,an,mois,jour,hrmn,lum,agg,int,atm,col,com,adr,gps,lat,long,dep",
            "201600000299,16,6,6,1700,1,2,1,1,6,767,place louis lebel,M,5038178,0233586,620",
            "201600000300,16,7,8,45,0,2,0,1,3,004,,M,4192560,0873600,201",
            "201600000301,16,7,29,1300,1,2,1,1,1,411,RN2,R,-2093108,5553722,974",
            "201600000302,16,9,10,1045,1,1,1,1,6,,\"rue \"\"X\"\"; lieu-dit\",M,,,10",
        ].map { $0.replacingOccurrences(of: ",", with: "\t") + "\n" }.joined()
        try BAACFixtures.write(files, to: folder)
        let tabbed = try BAACReader().read(folder: folder.url).tables
        let reference = try TemporaryFolder()
        try BAACFixtures.write(BAACFixtures.y2016, to: reference)
        #expect(tabbed == (try BAACReader().read(folder: reference.url).tables))
    }

    @Test func layout2022WithCorsicaCRLFAndUserIDs() throws {
        let folder = try TemporaryFolder()
        try BAACFixtures.write(BAACFixtures.y2022, to: folder, crlf: true)
        let result = try BAACReader().read(folder: folder.url)
        #expect(result.report.fileSets.map(\.layout) == [.y2022])
        let t = result.tables
        #expect(t.accidents == [
            Accident(id: 202200000001, year: 2022, month: 10, day: 19, hour: 16, minute: 30, lum: 1, agg: 2,
                     intersection: 1, atm: 1, col: 3, departement: 201, commune: 201004, latitude: 41.91922, longitude: 8.73863),
            Accident(id: 202200000002, year: 2022, month: 1, day: 1, hour: 0, minute: 5, lum: 5, agg: 1,
                     intersection: 1, atm: 2, col: 1, departement: 202, commune: 202033, latitude: 42.697, longitude: -0.5),
        ])
        #expect(t.places[0].roadWidth == 5.5 && t.places[0].vma == 50)
        #expect(t.places[1] == Place(accidentID: 202200000002, catr: 3, circ: -1, nbv: -1, vosp: -1, prof: 2, plan: 2,
                                     surf: 2, infra: 0, situ: 1, vma: 90, roadWidth: .nan))
        #expect(t.vehicles.map(\.vehicleID) == [813952, 813953])
        #expect(t.users.map(\.userID) == [1099700, 1099701, 1099702])
        #expect(t.users.map(\.vehicleID) == [813952, 813952, 813953])
        #expect(t.users[1] == User(accidentID: 202200000001, userID: 1099701, vehicleID: 813952,
                                   vehicleNumber: VehicleNumber("A01")!, place: 10, catu: 3, grav: 2, sexe: 2, trajet: 0,
                                   secu1: 0, secu2: -1, secu3: -1, locp: 2, actp: 11, etatp: 1, birthYear: 1940))
        #expect(t.users[2].birthYear == -1)
    }

    @Test func folderWithSeveralYearsInSubfolders() throws {
        let folder = try TemporaryFolder()
        try BAACFixtures.write(BAACFixtures.y2022, to: folder, subfolder: "b")
        try BAACFixtures.write(BAACFixtures.y2016, to: folder, subfolder: "a/2016")
        try folder.write("README.md", "not a BAAC file")
        let result = try BAACReader().read(folder: folder.url)
        #expect(result.report.fileSets.map(\.files.year) == [2016, 2022])
        #expect(result.report.fileSets.map(\.layout) == [.y2005, .y2022])
        #expect(result.tables.accidents.map(\.year) == [2016, 2016, 2016, 2016, 2022, 2022])
        #expect(result.tables.users.count == 9)
    }

    @Test func fileNamesAreRecognisedWithEitherSeparator() {
        #expect(BAACFileSet.recognise("caracteristiques-2021.csv")! == (.characteristics, 2021))
        #expect(BAACFileSet.recognise("carcteristiques-2022.csv")! == (.characteristics, 2022))
        #expect(BAACFileSet.recognise("Usagers_2016.CSV")! == (.users, 2016))
        #expect(BAACFileSet.recognise("lieux-2019.csv")! == (.places, 2019))
        #expect(BAACFileSet.recognise("vehicules-immatricules-2019.csv") == nil)
        #expect(BAACFileSet.recognise("usagers-21.csv") == nil)
        #expect(BAACFileSet.recognise("usagers 2021.csv") == nil)
    }
}
