import AccidentML
import Foundation
import Testing
@testable import bench

@Suite struct DataTests {
    /// A small labelled matrix with a NaN, decimals and integers, seeded.
    func sample(rows: Int = 200) -> LabeledMatrix<Float> {
        var rng = SplitMix64(seed: 7)
        var storage: [Float] = []
        for c in 0..<3 {
            for r in 0..<rows {
                let u = Float(rng.next() % 10_000) / 10_000
                storage.append(c == 0 ? Float(r % 7) : c == 1 ? u * 3 - 1 : (r % 11 == 0 ? .nan : u * 1e-3))
            }
        }
        let labels = (0..<rows).map { Int32(($0 * 7919) % 3 == 0 ? 1 : 0) }
        return LabeledMatrix(features: FeatureMatrix(rowCount: rows, columnNames: ["a", "b", "c"], storage: storage),
                             labels: labels, classLabels: ["0", "1"])
    }

    @Test func splitIndicesSelectWhatTheLibrarySplitSelects() {
        let data = sample()
        let (train, test) = Dataset.split(labels: data.labels, classCount: 2, seed: 42)
        let expected = data.split(testFraction: Dataset.testFraction, seed: 42)
        #expect(Set(train).isDisjoint(with: test) && train.count + test.count == 200)
        #expect(data.selecting(rows: train).labels == expected.train.labels)
        #expect(data.selecting(rows: test).features.storage.map(\.bitPattern)
                == expected.test.features.storage.map(\.bitPattern))
    }

    @Test func exportedCSVReadsBackToTheSameFloats() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = sample()
        let x = folder.appendingPathComponent("X.csv"), y = folder.appendingPathComponent("y.csv")
        try CSVExport.writeFeatures(data.features, to: x)
        try CSVExport.writeLabels(data.labels, to: y)
        let back: LabeledMatrix<Float> = try NumericCSV.loadLabeled(features: x, labels: y)
        #expect(back.features.columnNames == ["a", "b", "c"])
        #expect(back.features.storage.map(\.bitPattern) == data.features.storage.map(\.bitPattern), "NaN stays NaN")
        #expect(back.labels == data.labels)
        let indices = folder.appendingPathComponent("idx.txt")
        try CSVExport.writeIndices([3, 1, 4], to: indices)
        #expect(try GBDTChild.indices(indices.path, below: 5) == [3, 1, 4])
        #expect(throws: BenchError.self) { try GBDTChild.indices(indices.path, below: 4) }
    }

    @Test func standardizerCentresAndScalesWithPopulationDeviation() {
        let x = FeatureMatrix<Float>(rows: [[1, 5], [2, 5], [3, 5], [6, 5]], columnNames: ["v", "constant"])
        let s = Standardizer(fittedOn: x)
        #expect(s.means == [3, 5])
        #expect(abs(s.scales[0] - (14.0 / 4).squareRoot()) < 1e-12, "population standard deviation")
        #expect(s.scales[1] == 1, "a constant column keeps scale 1")
        let z = s.apply(x)
        #expect(abs(z[row: 3, column: 0] - Float(3 / (14.0 / 4).squareRoot())) < 1e-6)
        #expect(z.withColumn(1) { $0.allSatisfy { $0 == 0 } })
    }
}
