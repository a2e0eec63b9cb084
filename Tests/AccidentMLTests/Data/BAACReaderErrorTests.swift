import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentML

/// Every error kind, with its exact file, line and column; and `skipBadRows` counting.
@Suite struct BAACReaderErrorTests {
    /// The 2021 fixture with `edit` applied to one file's text; returns the folder and that file's path.
    static func year(editing name: String, _ edit: (String) -> String) throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        var files = BAACFixtures.y2021
        files[name] = edit(files[name]!)
        try BAACFixtures.write(files, to: folder)
        return (folder, folder.url.appendingPathComponent(name).path)
    }

    /// The error of a default (fail-fast) read of `folder`.
    static func failure(_ folder: TemporaryFolder) -> BAACReadError? {
        do {
            _ = try BAACReader().read(folder: folder.url)
            return nil
        } catch {
            return error
        }
    }

    /// Replaces the `n`th line (1-based) of `text`.
    static func replacingLine(_ n: Int, of text: String, with line: String) -> String {
        var lines = text.components(separatedBy: "\n")
        lines[n - 1] = line
        return lines.joined(separator: "\n")
    }

    @Test func theUneditedFixtureReads() throws {
        let (folder, _) = try Self.year(editing: "lieux-2021.csv") { $0 }
        let t = try BAACReader().read(folder: folder.url).tables
        #expect((t.accidents.count, t.places.count, t.vehicles.count, t.users.count) == (2, 2, 3, 3))
        #expect(t.vehicles.map(\.vehicleID) == [201764, 201765, 201762])
    }

    @Test func wrongFieldCount() throws {
        let (folder, file) = try Self.year(editing: "usagers-2021.csv") {
            $0.replacingOccurrences(of: "\"1983\";\"0\";", with: "\"1983\";")
        }
        let error = try #require(Self.failure(folder))
        #expect(error == .malformedRow(file: file, line: 4, detail: "14 fields, the header has 15"))
        #expect(error.description.contains("usagers-2021.csv:4: malformed row"))
    }

    @Test func unterminatedQuoteAndTextAfterQuote() throws {
        let line3 = #""202100000002";"3";"20";"0";"E";"2";"2";"0";"1";"0";"10";"1";"";" -1";"1";"0";"1";"80"#
        let (folder, file) = try Self.year(editing: "lieux-2021.csv") { Self.replacingLine(3, of: $0, with: line3) }
        #expect(Self.failure(folder) == .malformedRow(file: file, line: 3, detail: "unterminated quote in field 18 ('vma')"))
        let (other, otherFile) = try Self.year(editing: "lieux-2021.csv") {
            $0.replacingOccurrences(of: "\"3\";\"20\";", with: "\"3\";\"20\"x;")
        }
        #expect(Self.failure(other) == .malformedRow(file: otherFile, line: 3,
                                                     detail: "text after the closing quote of field 3 ('voie')"))
    }

    @Test func nonNumericCode() throws {
        let (folder, file) = try Self.year(editing: "caracteristiques-2021.csv") {
            $0.replacingOccurrences(of: "\"14:20\";\"1\";", with: "\"14:20\";\"x\";")
        }
        let error = try #require(Self.failure(folder))
        guard case let .invalidValue(f, line, column, value, _) = error else { Issue.record("\(error)"); return }
        #expect((f, line, column, value) == (file, 3, "lum", "x"))
        #expect(error.description.hasPrefix("\(file):3: column 'lum': invalid value \"x\""))
    }

    @Test func invalidTimeDepartementAndCoordinate() throws {
        for (old, new, column) in [("\"14:20\"", "\"24:20\"", "hrmn"), ("\"51\";\"51544\"", "\"2C\";\"51544\"", "dep"),
                                   ("\"49,2421290000\"", "\"492421290000\"", "lat"), ("\"51544\"", "\"2A-01\"", "com")] {
            let (folder, file) = try Self.year(editing: "caracteristiques-2021.csv") { $0.replacingOccurrences(of: old, with: new) }
            let error = try #require(Self.failure(folder))
            guard case let .invalidValue(f, line, c, _, _) = error else { Issue.record("\(error)"); continue }
            #expect((f, line, c) == (file, 3, column))
        }
    }

    @Test func unknownLayouts() throws {
        let (noID, file) = try Self.year(editing: "caracteristiques-2021.csv") {
            $0.replacingOccurrences(of: "\"Num_Acc\"", with: "\"Numero\"")
        }
        guard case .unknownLayout(file, _)? = Self.failure(noID) else { Issue.record("\(String(describing: Self.failure(noID)))"); return }
        let (empty, emptyFile) = try Self.year(editing: "lieux-2021.csv") { _ in "" }
        #expect(Self.failure(empty) == .unknownLayout(file: emptyFile, detail: "the file is empty (no header line)"))
        let (single, singleFile) = try Self.year(editing: "lieux-2021.csv") { _ in "Num_Acc catr\n1 2\n" }
        guard case .unknownLayout(singleFile, _)? = Self.failure(single) else { Issue.record("single column"); return }
        let (mixed, mixedFile) = try Self.year(editing: "usagers-2021.csv") {
            $0.replacingOccurrences(of: "\"secu1\"", with: "\"secu\"")
        }
        guard case .unknownLayout(mixedFile, _)? = Self.failure(mixed) else { Issue.record("mixed layouts"); return }
    }

    @Test func missingColumn() throws {
        let (folder, file) = try Self.year(editing: "lieux-2021.csv") { $0.replacingOccurrences(of: "\"vma\"", with: "\"vmax\"") }
        let error = try #require(Self.failure(folder))
        #expect(error == .missingColumn(file: file, column: "vma", layout: .y2019))
        #expect(error.description.contains("lieux-2021.csv: missing column 'vma' required by the 2019–2021 layout"))
    }

    @Test func wrongEncodings() throws {
        let folder = try TemporaryFolder()
        try BAACFixtures.write(BAACFixtures.y2021, to: folder)
        let name = "vehicules-2021.csv"
        let text = BAACFixtures.y2021[name]!
        let path = folder.url.appendingPathComponent(name).path
        // UTF-16 with its byte order mark.
        try folder.write(name, bytes: [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        guard case .wrongEncoding(path, 1, _)? = Self.failure(folder) else { Issue.record("UTF-16"); return }
        // A NUL byte on line 3.
        var bytes = Array(text.utf8)
        let line3 = bytes.indices.filter { bytes[$0] == 10 }[1] + 1
        bytes[line3 + 3] = 0
        try folder.write(name, bytes: bytes)
        guard case .wrongEncoding(path, 3, _)? = Self.failure(folder) else { Issue.record("NUL"); return }
        try folder.write(name, text)
        // Invalid UTF-8 (a lone Latin-1 0xE9 in an address) is read as Latin-1.
        let characteristics = "caracteristiques-2021.csv"
        bytes = Array(BAACFixtures.y2021[characteristics]!.utf8)
        let aire = Array("Aire".utf8)
        let at = try #require(bytes.indices.first { Array(bytes[$0..<($0 + 4)]) == aire })
        bytes.replaceSubrange(at..<(at + 4), with: aire + [0xE9])
        try folder.write(characteristics, bytes: bytes)
        #expect(Self.failure(folder) == nil)
        // Invalid UTF-8 with 0x81, undefined in Windows-1252: rejected on its line.
        bytes[at + 4] = 0x81
        try folder.write(characteristics, bytes: bytes)
        let characteristicsPath = folder.url.appendingPathComponent(characteristics).path
        guard case .wrongEncoding(characteristicsPath, 3, let detail)? = Self.failure(folder) else { Issue.record("0x81"); return }
        #expect(detail.contains("0x81"))
    }

    @Test func orphanRows() throws {
        let userLine4 = "\"202100000002\";\"201 999\";\"A01\";\"1\";\"1\";\"4\";\"1\";\"1983\";\"0\";\"1\";\" -1\";\" -1\";\"0\";\"0\";\" -1\""
        let (noVehicle, usersFile) = try Self.year(editing: "usagers-2021.csv") { Self.replacingLine(4, of: $0, with: userLine4) }
        #expect(Self.failure(noVehicle) == .orphanRow(
            file: usersFile, line: 4, column: "id_vehicule", key: "id_vehicule 201999 of accident 202100000002",
            missing: "a vehicle absent from vehicules-2021.csv"))
        let (noAccident, vehiclesFile) = try Self.year(editing: "vehicules-2021.csv") {
            $0.replacingOccurrences(of: "\"202100000002\";", with: "\"202100000003\";")
        }
        #expect(Self.failure(noAccident) == .orphanRow(
            file: vehiclesFile, line: 4, column: "Num_Acc", key: "accident 202100000003",
            missing: "an accident absent from caracteristiques-2021.csv"))
        let (noPlaceAccident, placesFile) = try Self.year(editing: "lieux-2021.csv") {
            $0.replacingOccurrences(of: "\"202100000001\";", with: "\"202100000009\";")
        }
        guard case .orphanRow(placesFile, 2, "Num_Acc", _, _)? = Self.failure(noPlaceAccident) else { Issue.record("place"); return }
    }

    @Test func duplicateAccidentPlaceAndVehicle() throws {
        let (accidents, accidentsFile) = try Self.year(editing: "caracteristiques-2021.csv") {
            $0.replacingOccurrences(of: "\"202100000002\";\"25\"", with: "\"202100000001\";\"25\"")
        }
        let error = try #require(Self.failure(accidents))
        #expect(error == .duplicateKey(file: accidentsFile, line: 3, column: "Num_Acc", key: "accident 202100000001", firstLine: 2))
        #expect(error.description.contains("caracteristiques-2021.csv:3: column 'Num_Acc': duplicate accident 202100000001, first seen on line 2"))
        let (vehicles, vehiclesFile) = try Self.year(editing: "vehicules-2021.csv") {
            $0.replacingOccurrences(of: "201Â\u{A0}765", with: "201Â\u{A0}764")
        }
        guard case .duplicateKey(vehiclesFile, 3, "id_vehicule", _, 2)? = Self.failure(vehicles) else { Issue.record("vehicle"); return }
    }

    @Test func skipBadRowsCountsPerFileAndKind() throws {
        let folder = try TemporaryFolder()
        var files = BAACFixtures.y2021
        // Accident 2: invalid lum → skipped, so its place, vehicle and user become orphans.
        files["caracteristiques-2021.csv"] = files["caracteristiques-2021.csv"]!
            .replacingOccurrences(of: "\"14:20\";\"1\";", with: "\"14:20\";\"x\";")
        // User line 2: one field short.
        files["usagers-2021.csv"] = files["usagers-2021.csv"]!.replacingOccurrences(of: "\"2000\";\"1\";", with: "\"2000\";")
        try BAACFixtures.write(files, to: folder)
        let path = { (name: String) in folder.url.appendingPathComponent(name).path }
        let result = try BAACReader(options: BAACReadOptions(skipBadRows: true, maxExamples: 3)).read(folder: folder.url)
        let t = result.tables
        #expect(t.accidents.map(\.id) == [202100000001] && t.places.count == 1)
        #expect(t.vehicles.map(\.vehicleID) == [201764, 201765])
        #expect(t.users.map(\.vehicleID) == [201765])
        #expect(result.report.skippedRows == [
            path("caracteristiques-2021.csv"): [.invalidValue: 1],
            path("usagers-2021.csv"): [.malformedRow: 1, .orphanRow: 1],
            path("lieux-2021.csv"): [.orphanRow: 1],
            path("vehicules-2021.csv"): [.orphanRow: 1],
        ])
        #expect(result.report.totalSkipped == 5)
        #expect(result.report.examples.count == 3)
        #expect(result.report.examples.first?.file == path("caracteristiques-2021.csv"))
        guard case .malformedRow(_, 2, _)? = result.report.examples.dropFirst().first else {
            Issue.record("\(result.report.examples)"); return
        }
    }

    @Test func folderProblems() throws {
        let empty = try TemporaryFolder()
        #expect(Self.failure(empty) == .noBAACFiles(folder: empty.url.path))
        let missing = try TemporaryFolder()
        var files = BAACFixtures.y2021
        files["lieux-2021.csv"] = nil
        try BAACFixtures.write(files, to: missing)
        #expect(Self.failure(missing) == .missingFile(folder: missing.url.path, year: 2021, table: .places))
        let twice = try TemporaryFolder()
        try BAACFixtures.write(BAACFixtures.y2021, to: twice)
        try twice.write("copy/lieux_2021.csv", BAACFixtures.y2021["lieux-2021.csv"]!)
        guard case .ambiguousFiles(2021, .places, let names)? = Self.failure(twice) else { Issue.record("ambiguous"); return }
        #expect(names.count == 2)
        let nowhere = URL(fileURLWithPath: "/nonexistent/baac")
        #expect(throws: BAACReadError.cannotRead(file: nowhere.path, reason: "not a readable folder")) {
            try BAACReader().read(folder: nowhere)
        }
    }

    @Test func damagedFilesNeverCrashTheReader() throws {
        var rng = SplitMix64(seed: 42)
        let folder = try TemporaryFolder()
        try BAACFixtures.write(BAACFixtures.y2021, to: folder)
        let pieces: [UInt8] = Array("\";,\n\r -1A0é\u{A0}".utf8) + [0, 0x81, 0xFF]
        for round in 0..<200 {
            let name = BAACFixtures.y2021.keys.sorted()[round % 4]
            var bytes = Array(BAACFixtures.y2021[name]!.utf8)
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                let at = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(pieces[Int(rng.next() % UInt64(pieces.count))], at: at)
                default: bytes[at] = pieces[Int(rng.next() % UInt64(pieces.count))]
                }
            }
            try folder.write(name, bytes: bytes)
            for skip in [false, true] {
                do {
                    let t = try BAACReader(options: BAACReadOptions(skipBadRows: skip)).read(folder: folder.url).tables
                    #expect(t.users.count <= 3)
                } catch {
                    #expect(error.file != nil)
                }
            }
            try folder.write(name, BAACFixtures.y2021[name]!)
        }
    }
}
