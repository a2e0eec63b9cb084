import Foundation
import Testing
@testable import AccidentML

/// GBDT on the real BAAC 2021 accident set in `../shared/data/baac2021/`.
// TODO: use the shared SharedData helper and NumericCSV once they land.
@Suite struct BAACGBDTTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/baac2021").standardized
    static var available: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("X_train.csv").path) }
    /// In CI (CI=true) the data must be there, so the test runs and fails loudly without it;
    /// elsewhere it is skipped when `../shared/data/baac2021` is missing.
    static var shouldRun: Bool { available || ProcessInfo.processInfo.environment["CI"] == "true" }

    /// A numeric CSV with a header line: column names and column-major values.
    static func readCSV(_ name: String) throws -> (names: [String], rows: Int, columns: [[Float]]) {
        let url = folder.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        let names = lines.removeFirst().split(separator: ",").map(String.init)
        var columns = [[Float]](repeating: [], count: names.count)
        for (i, line) in lines.enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == names.count else {
                throw CSVProblem("\(url.path):\(i + 2): \(cells.count) cells, expected \(names.count)")
            }
            for (c, cell) in cells.enumerated() {
                guard let v = Float(cell) else { throw CSVProblem("\(url.path):\(i + 2):\(c + 1): '\(cell)' is not a number") }
                columns[c].append(v)
            }
        }
        return (names, lines.count, columns)
    }

    struct CSVProblem: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    static func load() throws -> LabeledMatrix<Float> {
        guard available else {
            throw CSVProblem("\(folder.path) is missing: lay out shared/data beside the package root")
        }
        let x = try readCSV("X_train.csv"), y = try readCSV("y_train.csv")
        return LabeledMatrix(features: FeatureMatrix(rowCount: x.rows, columnNames: x.names, storage: x.columns.flatMap { $0 }),
                             labels: y.columns[0].map { Int32($0) }, classLabels: ["not severe", "severe"])
    }

    @Test(.enabled(if: shouldRun, "needs ../shared/data/baac2021 (required when CI=true)"))
    func threeHundredTreesBeatTheSanityFloorOnAHeldOutSplit() throws {
        let data = try Self.load()
        #expect(data.features.rowCount == 38_288 && data.features.columnCount == 28)
        let (train, test) = data.split(testFraction: 0.3, seed: 42)
        var p = GBDTParameters()
        p.rounds = 300
        p.learningRate = 0.1
        p.numLeaves = 31
        p.maxDepth = 6
        p.threads = 2
        let model = try GBDTTrainer(parameters: p).train(train)
        let probs = model.predictProbabilities(test.features, threads: 2)
        let auc = ROCAUC().evaluate(probabilities: probs, labels: test.labels, classCount: 2)
        let logLoss = LogLoss().evaluate(probabilities: probs, labels: test.labels, classCount: 2)
        #expect(auc > 0.75, "held-out AUC \(auc)")
        #expect(logLoss < 0.6, "held-out log-loss \(logLoss)")
        let gain = model.featureImportance(.gain)
        #expect(gain[data.features.columnIndex(named: "year_acc")!] == 0, "a constant column cannot split")
    }
}
