import Foundation
import AccidentTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import AccidentML

/// Loading the preprocessed BAAC 2021 training split, and bad input.
@Suite struct NumericCSVTests {
    @Test(.requiresSharedData) func baac2021TrainingSplit() throws {
        let xURL = try SharedData.url("baac2021/X_train.csv"), yURL = try SharedData.url("baac2021/y_train.csv")
        let data = try NumericCSV.loadLabeled(features: xURL, labels: yURL, as: Float.self)
        #expect(data.features.rowCount == 38_288 && data.features.columnCount == 28)
        #expect(data.classLabels == ["0", "1"])
        #expect(data.labels.filter { $0 == 1 }.count == 13_040)
        #expect(data.features.columnNames.first == "place" && data.features.columnNames.last == "nb_vehicules")
        #expect(!data.features.storage.contains { $0.isNaN })

        // Rows 1 and last against a plain split of the text.
        let lines = try String(contentsOf: xURL, encoding: .utf8).split(separator: "\n")
        let x: FeatureMatrix<Double> = try NumericCSV.loadFeatures(xURL)
        for (row, line) in [(0, lines[1]), (x.rowCount - 1, lines[lines.count - 1])] {
            let expected = line.split(separator: ",").map { Double($0)! }
            #expect(x.row(row) == expected)
            #expect(zip(data.features.row(row), expected).allSatisfy { $0 == Float($1) })
        }
        #expect(x[row: 0, column: x.columnIndex(named: "lat")!] == 50.6325934047)
    }

    @Test func missingCellsAndSeparators() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("x.csv", "\"a\";\"b\";\"c\"\r\n1,5;;NaN\r\n -2;3e2;\"4\"\r\n")
        let x: FeatureMatrix<Double> = try NumericCSV.loadFeatures(url)
        #expect(x.columnNames == ["a", "b", "c"] && x.rowCount == 2)
        #expect(x.row(0)[0] == 1.5 && x.row(0)[1].isNaN && x.row(0)[2].isNaN)
        #expect(x.row(1) == [-2, 300, 4])
    }

    @Test func badNumberNamesFileLineAndColumn() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("x.csv", "a,b\n1,2\n3,x4\n")
        #expect(throws: NumericCSVError.badNumber(file: url.path, line: 3, column: "b", value: "x4")) {
            _ = try NumericCSV.loadFeatures(url, as: Float.self)
        }
        let short = try folder.write("short.csv", "a,b\n1,2\n3\n")
        #expect(throws: NumericCSVError.malformedRow(file: short.path, line: 3, detail: "1 fields, the header has 2")) {
            _ = try NumericCSV.loadFeatures(short, as: Float.self)
        }
        let empty = try folder.write("empty.csv", "")
        #expect(throws: NumericCSVError.noHeader(file: empty.path)) { _ = try NumericCSV.loadFeatures(empty, as: Float.self) }
        let missing = folder.url.appendingPathComponent("absent.csv")
        #expect(throws: NumericCSVError.self) { _ = try NumericCSV.loadFeatures(missing, as: Float.self) }
        #expect(NumericCSVError.badNumber(file: "x.csv", line: 3, column: "b", value: "x4").description
                .hasPrefix("x.csv:3: column 'b': \"x4\" is not a number"))
    }

    @Test func outOfFloatRangeHexAndRepeatedColumnsAreRefused() throws {
        let folder = try TemporaryFolder()
        for (cell, line) in [("1e300", 2), ("0x7e5", 2), ("-1e39", 2)] {
            let url = try folder.write("v.csv", "a\n\(cell)\n")
            #expect(throws: NumericCSVError.badNumber(file: url.path, line: line, column: "a", value: cell)) {
                _ = try NumericCSV.loadFeatures(url, as: Float.self)
            }
        }
        let largest = try folder.write("max.csv", "a\n3.4e38\n")
        #expect(try NumericCSV.loadFeatures(largest, as: Float.self).storage.allSatisfy(\.isFinite))
        let repeated = try folder.write("r.csv", "a,b,a\n1,2,3\n")
        #expect {
            _ = try NumericCSV.loadFeatures(repeated, as: Float.self)
        } throws: { e in
            guard case .malformedRow(let file, 1, let detail) = e as? NumericCSVError else { return false }
            return file == repeated.path && detail.contains("\"a\" appears twice")
        }
    }

    @Test func aFIFOIsNamedAsSuchWithoutWaitingForAWriter() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.url.appendingPathComponent("x.csv")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect {
            _ = try NumericCSV.loadFeatures(fifo, as: Float.self)
        } throws: { e in
            let text = "\(e)"
            return text.contains("FIFO (named pipe), not a regular file") && !text.contains("permission")
        }
    }

    @Test func labelsMapToSortedClasses() throws {
        let folder = try TemporaryFolder()
        let x = try folder.write("x.csv", "f\n1\n2\n3\n4\n")
        let numeric = try folder.write("y.csv", "grav\n10\n9\n2\n9\n")
        let data = try NumericCSV.loadLabeled(features: x, labels: numeric, as: Float.self)
        #expect(data.classLabels == ["2", "9", "10"] && data.labels == [2, 1, 0, 1])
        let text = try folder.write("t.csv", "y\nb\na\nc\na\n")
        #expect(try NumericCSV.loadLabeled(features: x, labels: text, as: Double.self).labels == [1, 0, 2, 0])
        let wide = try folder.write("w.csv", "y,z\n1,2\n")
        #expect(throws: NumericCSVError.labelColumns(file: wide.path, count: 2)) {
            _ = try NumericCSV.loadLabeled(features: x, labels: wide, as: Float.self)
        }
        let fewer = try folder.write("f.csv", "y\n1\n0\n")
        #expect(throws: NumericCSVError.rowCountMismatch(features: x.path, featureRows: 4, labels: fewer.path, labelRows: 2)) {
            _ = try NumericCSV.loadLabeled(features: x, labels: fewer, as: Float.self)
        }
        let blank = try folder.write("b.csv", "y\n1\n \n1\n0\n")
        #expect(throws: NumericCSVError.missingLabel(file: blank.path, line: 3)) {
            _ = try NumericCSV.loadLabeled(features: x, labels: blank, as: Float.self)
        }
    }
}
