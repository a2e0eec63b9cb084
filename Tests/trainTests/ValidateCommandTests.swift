import Foundation
import Testing
@testable import train

/// `train validate`: the integrity report of BAAC folders, and exit 65 naming the first bad file and line.
@Suite struct ValidateCommandTests {
    /// A sandbox with a generated year in `gen/2021/`.
    static func sandbox() throws -> CLISandbox {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "300", "--seed", "4", "--year", "2021", "--output", "gen/2021", "-q"]).status == 0)
        return s
    }

    /// Appends the characteristics file's last row again (a duplicate accident id); returns the file and the new line's number.
    static func duplicateLastAccident(_ s: CLISandbox) throws -> (file: String, line: Int) {
        let file = try #require(try s.listing("gen/2021").first { $0.hasPrefix("caracteristiques") })
        let path = "gen/2021/\(file)"
        let text = try s.text(path)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        try s.write(path, text + (text.hasSuffix("\n") ? "" : "\n") + lines.last! + "\n")
        return (file, lines.count + 1)
    }

    @Test func aCleanYearReportsRowsPerTable() throws {
        let s = try Self.sandbox()
        let result = s.run(["validate", "gen/2021"])
        #expect(result.status == 0, "\(result.err)")
        let row = try #require(result.out.split(separator: "\n").first { $0.contains("2021") && $0.contains("gen/2021") })
        #expect(row.contains("300"))  // accidents
        #expect(result.out.contains("bad rows  none"))
        #expect(result.err.isEmpty)
    }

    @Test func aBadRowExits65NamingFileAndLine() throws {
        let s = try Self.sandbox()
        let (file, line) = try Self.duplicateLastAccident(s)
        let result = s.run(["validate", "gen/2021"])
        #expect(result.status == 65)
        let error = try #require(result.errorLines.last)
        #expect(error.hasPrefix("train: error: 1 bad row in 1 year; first: "))
        #expect(error.contains("\(file):\(line)") && error.contains("duplicate accident"))
        #expect(error.contains("--skip-bad-rows"))
        // The report on stdout lists it too, with the counts per file and kind.
        #expect(result.out.contains("2021: 1 bad rows") && result.out.contains("\(file):\(line): column"))
        #expect(result.out.contains("1 duplicateKey"))
    }

    @Test func skipBadRowsAcceptsAndStillLists() throws {
        let s = try Self.sandbox()
        let (file, line) = try Self.duplicateLastAccident(s)
        let result = s.run(["validate", "--skip-bad-rows", "gen/2021"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("\(file):\(line)"))
        #expect(result.out.contains("bad rows  1"))
    }

    @Test func missingFoldersAndFiles() throws {
        let s = try Self.sandbox()
        #expect(s.run(["validate"]).status == 64)
        #expect(s.run(["validate", "nowhere"]).status == 66)
        let users = try #require(try s.listing("gen/2021").first { $0.hasPrefix("usagers") })
        try FileManager.default.removeItem(at: s.url("gen/2021/\(users)"))
        let result = s.run(["validate", "gen/2021"])
        #expect(result.status == 66 && result.err.contains("usagers"))
    }
}
