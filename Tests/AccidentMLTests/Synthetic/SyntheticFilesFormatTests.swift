import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentML

/// Generated years written in each layout are well-formed files of that layout.
@Suite struct SyntheticFilesFormatTests {
    /// Splits a line on `separator` outside double quotes.
    func fields(_ line: [UInt8], separator: UInt8) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = [], start = 0, quoted = false
        for (i, b) in line.enumerated() {
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            if b == separator && !quoted { out.append(line[start..<i]); start = i + 1 }
        }
        out.append(line[start...])
        return out
    }

    @Test(arguments: [(BAACWriter.Layout.y2005, 2016), (.y2019, 2020), (.y2022, 2023)])
    func everyLineHasTheHeadersFieldCount(layout: BAACWriter.Layout, year: Int) throws {
        let separator = UInt8(ascii: layout == .y2005 ? "," : ";")
        try withTemporaryFolder { folder in
            let files = try SyntheticBAAC(seed: 12, year: year).write(count: 2_000, to: folder)
            #expect(files.urls.map(\.lastPathComponent) == layout.fileNames(year: year))
            for (index, url) in files.urls.enumerated() {
                let lines = try byteLines(of: url)
                #expect(lines.count == files.rowCounts[index] + 1)
                let width = layout.columns[index].count
                for line in lines {
                    let cells = fields(line, separator: separator)
                    #expect(cells.count == width, "\(url.lastPathComponent): \(String(decoding: line, as: UTF8.self))")
                    if layout != .y2005 {
                        #expect(cells.allSatisfy { $0.count >= 2 && $0.first == 34 && $0.last == 34 }, "all quoted")
                    } else {
                        #expect(!line.contains(34), "no quotes in the old layout")
                    }
                }
            }
        }
    }

    @Test func oldFilesAreLatin1AndNewOnesDoubleEncodedUTF8() throws {
        try withTemporaryFolder { folder in
            let old = try SyntheticBAAC(seed: 1, year: 2010).write(count: 300, to: folder.appendingPathComponent("old"))
            let new = try SyntheticBAAC(seed: 1, year: 2021).write(count: 300, to: folder.appendingPathComponent("new"))
            let oldBytes = try Data(contentsOf: old.urls[0]), newBytes = try Data(contentsOf: new.urls[0])
            #expect(String(data: oldBytes, encoding: .utf8) == nil, "Latin-1 é is not valid UTF-8")
            #expect(oldBytes.contains(0xE9))
            let text = try #require(String(data: newBytes, encoding: .utf8))
            #expect(text.contains("dÃ©partementale") && !text.contains("départementale"))
        }
    }
}
