import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentML

/// The writer and the reader agree: tables written in a layout read back as the same tables.
@Suite struct WriterReaderRoundTripTests {
    @Test(arguments: [(BAACWriter.Layout.y2019, 2021), (.y2022, 2022), (.y2005, 2016)])
    func generatedYearReadsBackIdentically(layout: BAACWriter.Layout, year: Int) throws {
        let folder = try TemporaryFolder()
        let tables = SyntheticBAAC(seed: 11, year: year).tables(count: 400)
        _ = try BAACWriter.write(tables, year: year, layout: layout, to: folder.url)
        let read = try BAACReader().read(folder: folder.url)
        #expect(read.report.totalSkipped == 0)
        #expect(read.tables.accidents.count == tables.accidents.count)
        #expect(read.tables.users.count == tables.users.count)
        for (a, b) in zip(read.tables.accidents, tables.accidents) where a != b {
            Issue.record("accident \(b.id) differs: read \(a), written \(b)"); break
        }
        for (a, b) in zip(read.tables.places, tables.places) where a != b {
            Issue.record("place \(b.accidentID) differs: read \(a), written \(b)"); break
        }
        for (a, b) in zip(read.tables.vehicles, tables.vehicles) where a != b {
            Issue.record("vehicle of \(b.accidentID) differs: read \(a), written \(b)"); break
        }
        for (a, b) in zip(read.tables.users, tables.users) where a != b {
            Issue.record("user of \(b.accidentID) differs: read \(a), written \(b)"); break
        }
    }
}
