import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentML

/// The writer never leaves a half-written set of files: staging, rollback, replacement.
@Suite struct BAACWriterAtomicityTests {
    static let first = BAACWriterModernLayoutTests.tables
    static var second: BAACTables {
        var t = first
        t.accidents.removeLast()
        t.users[0].grav = 2
        return t
    }

    func contents(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func bytes(_ urls: [URL]) throws -> [Data] { try urls.map { try Data(contentsOf: $0) } }

    @Test func aWriterDroppedMidwayLeavesNothing() throws {
        try withTemporaryFolder { folder in
            let target = folder.appendingPathComponent("year")
            do {
                let writer = try BAACWriter(directory: target, year: 2021)
                try writer.append(Self.first)
                try writer.append(Self.second)
                #expect(try contents(of: target).count == 1, "only the hidden staging folder while writing")
            }
            #expect(try contents(of: target).isEmpty)
        }
    }

    @Test func commitReplacesAnOlderSetAndCleansUp() throws {
        try withTemporaryFolder { folder in
            let old = try BAACWriter.write(Self.first, year: 2021, to: folder)
            let new = try BAACWriter.write(Self.second, year: 2021, to: folder)
            #expect(old.urls == new.urls)
            #expect(new.rowCounts == [2, 3, 2, 3])
            #expect(try contents(of: folder) == old.urls.map(\.lastPathComponent).sorted())
            let expected = try withTemporaryFolder { other in
                try bytes(BAACWriter.write(Self.second, year: 2021, to: other).urls)
            }
            #expect(try bytes(new.urls) == expected)
            #expect(new.byteCount == expected.reduce(0) { $0 + $1.count })
        }
    }

    @Test func aFailedCommitRestoresTheOlderSet() throws {
        try withTemporaryFolder { folder in
            let old = try BAACWriter.write(Self.first, year: 2021, to: folder)
            // Make the last move fail: usagers-2021.csv becomes a non-empty folder.
            let blocked = old.urls[3]
            try FileManager.default.removeItem(at: blocked)
            try FileManager.default.createDirectory(at: blocked.appendingPathComponent("x"),
                                                    withIntermediateDirectories: true)
            let before = try bytes(Array(old.urls.prefix(3)))

            let writer = try BAACWriter(directory: folder, year: 2021)
            try writer.append(Self.second)
            #expect(throws: BAACWriteError.self) { try writer.commit() }
            #expect(try bytes(Array(old.urls.prefix(3))) == before, "the older files are back unchanged")
            #expect(try contents(of: folder) == old.urls.map(\.lastPathComponent).sorted(), "no staging left")
            #expect(throws: BAACWriteError.self) { try writer.commit() }
        }
    }

    @Test func aFailedCommitWithoutOlderSetLeavesNoNewFile() throws {
        try withTemporaryFolder { folder in
            let names = BAACWriter.Layout.y2019.fileNames(year: 2021)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(names[3]).appendingPathComponent("x"),
                                                    withIntermediateDirectories: true)
            do throws(BAACWriteError) {
                try BAACWriter.write(Self.first, year: 2021, to: folder)
                Issue.record("commit should fail")
            } catch {
                guard case let .cannotReplace(path, _) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(path.hasSuffix(names[3]))
                #expect(error.description.contains(names[3]) && error.description.contains("not a folder"))
            }
            #expect(try contents(of: folder) == [names[3]])
        }
    }

    @Test func anUnusableDestinationIsReportedWithItsPath() throws {
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("plain-file")
            try Data("x".utf8).write(to: file)
            #expect {
                try BAACWriter.write(Self.first, year: 2021, to: file.appendingPathComponent("sub"))
            } throws: { error in
                guard case let .cannotCreateDirectory(path, _) = error as? BAACWriteError else { return false }
                return path.contains("plain-file/sub") && "\(error)".contains("writable")
            }
        }
    }
}
