import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentML

/// Reading a numeric CSV chunk by chunk gives the rows of the whole-file load, in order.
@Suite struct NumericCSVChunkTests {
    @Test func chunksConcatenateToTheWholeFile() throws {
        let folder = try TemporaryFolder()
        var text = "a;b;c\n"
        for r in 0..<10 { text += "\(r);\(Double(r) / 4);\(r % 3 == 0 ? "" : "NaN")\n" }
        let url = try folder.write("x.csv", text)
        let whole: FeatureMatrix<Double> = try NumericCSV.loadFeatures(url)
        var reader = try NumericCSV.ChunkReader(url)
        #expect(reader.columnNames == ["a", "b", "c"])
        var sizes: [Int] = [], rows: [[Double]] = []
        while let chunk: FeatureMatrix<Double> = try reader.next(maxRows: 4) {
            sizes.append(chunk.rowCount)
            #expect(chunk.columnNames == whole.columnNames)
            rows += (0..<chunk.rowCount).map { chunk.row($0) }
        }
        #expect(sizes == [4, 4, 2] && reader.rowsRead == 10)
        let expected = (0..<10).map { whole.row($0) }
        #expect(rows.map { $0.map(\.bitPattern) } == expected.map { $0.map(\.bitPattern) })
        #expect(try reader.next(maxRows: 4, as: Float.self) == nil)
    }

    @Test func errorsInLaterChunksNameTheirLine() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("x.csv", "a,b\n1,2\n3,4\n5,x\n")
        var reader = try NumericCSV.ChunkReader(url)
        #expect(try reader.next(maxRows: 2, as: Float.self)?.rowCount == 2)
        #expect(throws: NumericCSVError.badNumber(file: url.path, line: 4, column: "b", value: "x")) {
            _ = try reader.next(maxRows: 2, as: Float.self)
        }
    }

    @Test func aHeaderWithoutRowsLoadsAsNoRows() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("x.csv", "a,b\n")
        let x: FeatureMatrix<Float> = try NumericCSV.loadFeatures(url)
        #expect(x.rowCount == 0 && x.columnNames == ["a", "b"])
        var reader = try NumericCSV.ChunkReader(url)
        #expect(try reader.next(maxRows: 5, as: Float.self) == nil)
    }
}
