import AccidentML
import Foundation

/// Small fixed inputs shared by the benchmarks, built once per process (lazy globals), seeded.
enum Fixtures {
    /// Feature columns of the generated numeric data, as many as the baac2021 set.
    static let columnCount = 28
    /// Rows of the generated numeric CSV and of the GBDT training matrix.
    static let trainRows = 20_000
    /// Accidents of the generated BAAC year.
    static let accidentCount = 5_000
    /// Rows of the batch-inference input.
    static let batchRows = 1_000
    /// Trees (rounds, binary objective) of the inference and model-file forest.
    static let forestTrees = 300

    static let columnNames = (0..<columnCount).map { "f\($0)" }

    /// Where this process writes its generated files (not created until `folder` is used).
    static var folderURL: URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("accidentml-benchmarks-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// The folder that holds every generated file of this process, created on first use.
    static let folder: URL = {
        try! FileManager.default.createDirectory(at: folderURL, withIntermediateDirectories: true)
        return folderURL
    }()

    /// Removes this process's generated files, if any (registered with `atexit`).
    static func removeFolder() {
        try? FileManager.default.removeItem(at: folderURL)
    }

    /// Seeded features in [-3, 3) with ~5% NaN (missing), column-major.
    static func features(rows: Int, seed: UInt64) -> FeatureMatrix<Float> {
        var rng = SplitMix64(seed: seed)
        let storage = (0..<(rows * columnCount)).map { _ -> Float in
            rng.nextUnit() < 0.05 ? .nan : Float(rng.nextUnit() * 6 - 3)
        }
        return FeatureMatrix(rowCount: rows, columnNames: columnNames, storage: storage)
    }

    /// Binary labels from a noisy logistic function of the first few columns (NaN counts as 0).
    static func labeled(rows: Int, seed: UInt64) -> LabeledMatrix<Float> {
        let x = features(rows: rows, seed: seed)
        var rng = SplitMix64(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
        let labels = (0..<rows).map { r -> Int32 in
            var z = 0.0
            for c in 0..<4 {
                let v = Double(x.storage[c * rows + r])
                z += v.isNaN ? 0 : v * Double(c + 1) * (c.isMultiple(of: 2) ? 0.5 : -0.4)
            }
            return rng.nextUnit() < 1 / (1 + exp(-z)) ? 1 : 0
        }
        return LabeledMatrix(features: x, labels: labels, classLabels: ["0", "1"])
    }

    /// The GBDT training matrix.
    static let training = labeled(rows: trainRows, seed: 1)

    /// The batch-inference input (1k rows).
    static let batch = features(rows: batchRows, seed: 2)

    /// One row, row-major, for single-row inference.
    static let singleRow: [Float] = batch.row(0)

    /// A 300-tree binary forest trained once on 5k rows (15 leaves per tree).
    static let forest: GBDTModel = {
        var p = GBDTParameters()
        p.rounds = forestTrees
        p.numLeaves = 15
        p.learningRate = 0.05
        p.seed = 3
        return try! GBDTTrainer(parameters: p).train(labeled(rows: 5_000, seed: 3))
    }()

    /// A binary logistic model with seeded coefficients over the 28 columns.
    static let logistic: LogisticModel = {
        var rng = SplitMix64(seed: 4)
        let w = (0..<columnCount).map { _ in rng.nextUnit() - 0.5 }
        return try! LogisticModel(classCount: 2, featureCount: columnCount, coefficients: w, intercepts: [-0.3])
    }()

    /// The logistic batch input: 10k rows without missing values.
    static let logisticBatch: FeatureMatrix<Float> = {
        var rng = SplitMix64(seed: 5)
        let n = 10_000
        let storage = (0..<(n * columnCount)).map { _ in Float(rng.nextUnit() * 6 - 3) }
        return FeatureMatrix(rowCount: n, columnNames: columnNames, storage: storage)
    }()

    /// The training matrix written as a numeric CSV (header, then one line per row).
    static let numericCSV: URL = {
        let x = training.features
        var text = columnNames.joined(separator: ",") + "\n"
        text.reserveCapacity(x.rowCount * columnCount * 8)
        for r in 0..<x.rowCount {
            for c in 0..<columnCount {
                if c > 0 { text += "," }
                let v = x.storage[c * x.rowCount + r]
                if !v.isNaN { text += String(format: "%.4f", Double(v)) }
            }
            text += "\n"
        }
        let url = folder.appendingPathComponent("features.csv")
        try! text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }()

    /// A generated 2021 BAAC year (four files, official 2021 layout).
    static let baacYear: URL = {
        let url = folder.appendingPathComponent("baac2021")
        try! SyntheticBAAC(seed: 6, year: 2021).write(count: accidentCount, to: url)
        return url
    }()

    /// The 300-tree forest saved as a model file.
    static let modelFile: URL = {
        let metadata = ModelMetadata(kind: .gbdt, unit: .accident, classLabels: ["0", "1"],
                                     featureNames: columnNames)
        var model = AccidentModel(metadata: metadata, input: .columns(columnNames), classifier: .gbdt(forest))
        let url = folder.appendingPathComponent("forest300.accidentmodel")
        try! model.write(to: url)
        return url
    }()
}
