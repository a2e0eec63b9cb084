import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentML

/// Same seed, same rows and bytes — whatever the chunking; another seed, other rows.
@Suite struct SyntheticBAACDeterminismTests {
    @Test func sameSeedSameTablesWhateverTheChunks() {
        let source = SyntheticBAAC(seed: 9, year: 2021)
        let whole = source.tables(count: 9_000)
        var chunked = BAACTables()
        for chunk in source.chunks(count: 9_000, chunkSize: 1_234) { chunked.append(contentsOf: chunk) }
        #expect(whole == chunked)
        #expect(whole == SyntheticBAAC(seed: 9, year: 2021).tables(count: 9_000))
        #expect(whole.accidents.count == 9_000 && whole.places.count == 9_000)
    }

    @Test func aLongerRunStartsWithTheShorterOne() {
        let source = SyntheticBAAC(seed: 5)
        let short = source.tables(count: 500), long = source.tables(count: 800)
        #expect(Array(long.accidents.prefix(500)) == short.accidents)
        #expect(Array(long.vehicles.prefix(short.vehicles.count)) == short.vehicles)
        #expect(Array(long.users.prefix(short.users.count)) == short.users)
    }

    @Test func anotherSeedGivesOtherRows() {
        let a = SyntheticBAAC(seed: 1).tables(count: 200), b = SyntheticBAAC(seed: 2).tables(count: 200)
        #expect(a.accidents.map(\.id) == b.accidents.map(\.id))
        let differing = zip(a.accidents, b.accidents).filter { $0 != $1 }.count
        #expect(differing > 190)
    }

    @Test func streamedFilesDoNotDependOnTheChunkSize() throws {
        let source = SyntheticBAAC(seed: 77, year: 2022)
        let (small, large) = try withTemporaryFolder { folder in
            let a = try source.write(count: 3_000, to: folder.appendingPathComponent("a"), chunkSize: 256)
            let b = try source.write(count: 3_000, to: folder.appendingPathComponent("b"), chunkSize: 10_000)
            return (try a.urls.map { try Data(contentsOf: $0) }, try b.urls.map { try Data(contentsOf: $0) })
        }
        #expect(small == large)
        let direct = try withTemporaryFolder { folder in
            try BAACWriter.write(source.tables(count: 3_000), year: 2022, to: folder).urls.map { try Data(contentsOf: $0) }
        }
        #expect(small == direct)
    }
}
