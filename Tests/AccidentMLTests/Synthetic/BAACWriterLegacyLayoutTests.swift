import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentML

/// Exact text of the 2005–2018 layout, checked against the real 2016 rows quoted in
/// `../shared/data/baac-raw-sample/README.md` and third-party documentation.
@Suite struct BAACWriterLegacyLayoutTests {
    static let tables = BAACTables(
        accidents: [
            Accident(id: 201600000299, year: 2016, month: 6, day: 6, hour: 17, minute: 0, lum: 1, agg: 2,
                     intersection: 1, atm: 1, col: 6, departement: 62, commune: 62767,
                     latitude: 50.38178, longitude: 2.33586),
            Accident(id: 201600000304, year: 2016, month: 1, day: 1, hour: 0, minute: 45, lum: 3, agg: 1,
                     intersection: 1, col: 7, departement: 201, commune: 201004,
                     latitude: 41.91234, longitude: 8.73876),
            Accident(id: 201600000305, year: 2016, month: 12, day: 31, hour: 8, minute: 5, lum: 1, agg: 2,
                     intersection: 2, atm: 2, col: 3, departement: 974, commune: 97411,
                     latitude: -21.11, longitude: 55.53),
            Accident(id: 201600000306, year: 2016, month: 3, day: 9, departement: 1, commune: 1053),
        ],
        places: [
            Place(accidentID: 201600050626, catr: 1, circ: 1, nbv: 2, vosp: 0, prof: 1, plan: 1, surf: 1,
                  infra: 0, situ: 1, vma: 130, roadWidth: 7),
            Place(accidentID: 201600050627, catr: 3, circ: 2, prof: 2, plan: 4, surf: 2, infra: 0, situ: 3,
                  roadWidth: 10.5),
        ],
        vehicles: [
            Vehicle(accidentID: 201600050625, vehicleID: 201764, number: VehicleNumber("A01")!, senc: 1, catv: 7,
                    obs: 0, obsm: 2, choc: 6, manv: 11, motor: 1, occutc: 0),
            Vehicle(accidentID: 201600050625, number: VehicleNumber("Z01")!, senc: 1, catv: 1, obs: 0, obsm: 2,
                    choc: 1, manv: 0, occutc: 0),
            Vehicle(accidentID: 201600050626, number: VehicleNumber("A01")!, senc: 2, catv: 37, obs: 2, obsm: 0,
                    choc: 1, manv: 1, occutc: 12),
        ],
        users: [
            User(accidentID: 201600050625, vehicleNumber: VehicleNumber("A01")!, place: 1, catu: 1, grav: 3,
                 sexe: 2, trajet: 1, secu1: 1, secu2: 5, locp: 0, actp: 0, etatp: 0, birthYear: 1979),
            User(accidentID: 201600050625, vehicleNumber: VehicleNumber("Z01")!, place: 1, catu: 1, grav: 4,
                 sexe: 1, trajet: 5, secu1: 0, locp: 0, actp: 0, etatp: 0, birthYear: 2004),
            User(accidentID: 201600050625, vehicleNumber: VehicleNumber("A01")!, place: 10, catu: 3, grav: 2,
                 sexe: 2, trajet: 0, secu1: 0, locp: 3, actp: 11, etatp: 1, birthYear: 1931),
            User(accidentID: 201600050626, vehicleNumber: VehicleNumber("A01")!, place: 1, catu: 1, grav: 1,
                 sexe: 1, trajet: 4, secu1: 8, locp: -1, actp: -1, etatp: -1),
        ])

    @Test func writesTheOfficialHeadersAndFileNames() throws {
        try withTemporaryFolder { folder in
            let files = try BAACWriter.write(Self.tables, year: 2016, to: folder)
            #expect(files.urls.map(\.lastPathComponent)
                == ["caracteristiques_2016.csv", "lieux_2016.csv", "vehicules_2016.csv", "usagers_2016.csv"])
            #expect(try files.urls.map { try byteLines(of: $0)[0] } == [
                "Num_Acc,an,mois,jour,hrmn,lum,agg,int,atm,col,com,adr,gps,lat,long,dep",
                "Num_Acc,catr,voie,v1,v2,circ,nbv,pr,pr1,vosp,prof,plan,lartpc,larrout,surf,infra,situ,env1",
                "Num_Acc,senc,catv,occutc,obs,obsm,choc,manv,num_veh",
                "Num_Acc,place,catu,grav,sexe,trajet,secu,locp,actp,etatp,an_nais,num_veh",
            ].map(latin1))
        }
    }

    @Test func writesLegacyLines() throws {
        let files = try writtenLines(Self.tables, year: 2016, layout: .y2005)
        #expect(files[0].dropFirst().map { $0 } == [
            "201600000299,16,6,6,1700,1,2,1,1,6,767,A6,M,5038178,0233586,620",
            "201600000304,16,1,1,45,3,1,1,,7,004,Route d\u{E9}partementale 12,M,4191234,0873876,201",
            "201600000305,16,12,31,805,1,2,2,2,3,411,RUE DE LA REPUBLIQUE,R,-2111000,5553000,974",
            "201600000306,16,3,9,,,,,,,053,Avenue du G\u{E9}n\u{E9}ral de Gaulle,M,,,010",
        ].map(latin1))
        #expect(files[1].dropFirst().map { $0 } == [
            "201600050626,1,,,,1,02,,,0,1,1,000,070,1,0,1,00",
            "201600050627,3,,,,2,,,,,2,4,000,105,2,0,3,00",
        ].map(latin1))
        // The first two are real 2016 rows.
        #expect(files[2].dropFirst().map { $0 } == [
            "201600050625,1,07,000,00,2,6,11,A01",
            "201600050625,1,01,000,00,2,1,00,Z01",
            "201600050626,2,37,012,02,0,1,01,A01",
        ].map(latin1))
        #expect(files[3].dropFirst().map { $0 } == [
            "201600050625,1,1,3,2,1,11,0,0,0,1979,A01",
            "201600050625,1,1,4,1,5,22,0,0,0,2004,Z01",
            "201600050625,10,3,2,2,0,42,3,B,1,1931,A01",
            "201600050626,1,1,1,1,4,13,,,,,A01",
        ].map(latin1))
    }

    @Test func convertsSecu1ToTheOldTwoDigitCode() {
        // (secu1, catu, catv) → old secu; -1 → missing.
        let cases: [(Int8, Int8, Int8, Int)] = [
            (1, 1, 7, 11), (2, 1, 33, 21), (3, 2, 7, 31), (4, 3, 7, 41), (9, 1, 7, 91),
            (0, 1, 7, 12), (0, 1, 33, 22), (0, 1, 1, 22), (0, 3, 7, 42), (0, 1, -1, 12),
            (8, 1, 7, 13), (8, 2, 31, 23), (8, 3, 14, 43),
            (5, 1, 33, 91), (6, 1, 33, 91), (7, 1, 33, 91), (-1, 1, 7, -1),
        ]
        for (secu1, catu, catv, expected) in cases {
            #expect(LegacyRowEncoder.secu(secu1, catu: catu, catv: catv) == expected, "secu1 \(secu1) catv \(catv)")
        }
    }
}
