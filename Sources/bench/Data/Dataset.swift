import AccidentML
import Foundation

/// A labelled data set prepared for both sides: the CSV files and split index files the peers
/// read, and the same rows in memory for ours.
struct Dataset: Sendable {
    /// Short name used in the tables, e.g. `baac2021` or `synthetic 1,000,000`.
    let name: String
    /// One sentence on what the rows are.
    let detail: String
    let features: URL
    let labels: URL
    let trainRows: URL
    let testRows: URL
    let data: LabeledMatrix<Float>
    let trainIndices: [Int]
    let testIndices: [Int]

    var rowCount: Int { data.features.rowCount }
    var columnCount: Int { data.features.columnCount }
    var train: LabeledMatrix<Float> { data.selecting(rows: trainIndices) }
    var test: LabeledMatrix<Float> { data.selecting(rows: testIndices) }

    /// The data arguments of every peer script.
    var peerArguments: [String] {
        ["--features", features.path, "--labels", labels.path, "--train-rows", trainRows.path, "--test-rows", testRows.path]
    }

    /// The test fraction of every split of the bench (70/30).
    static let testFraction = 0.3

    /// The real accident-level set (`X_train.csv`, `y_train.csv`), split 70/30 stratified; only
    /// the split files are written (to `folder`), the peers read the original CSVs.
    static func baac2021(from source: URL, in folder: URL, seed: UInt64) throws(BenchError) -> Dataset {
        let features = source.appendingPathComponent("X_train.csv"), labels = source.appendingPathComponent("y_train.csv")
        let data: LabeledMatrix<Float>
        do { data = try NumericCSV.loadLabeled(features: features, labels: labels) } catch {
            throw .library(section: "data", detail: error.description)
        }
        let split = Self.split(labels: data.labels, classCount: data.classCount, seed: seed)
        let (train, test) = try Self.writeSplit(split, in: folder)
        return Dataset(name: "baac2021", detail: "real BAAC 2021 accidents (folder \(source.lastPathComponent), X_train.csv and y_train.csv), "
                       + "\(Format.count(data.features.rowCount)) rows × \(data.features.columnCount) features",
                       features: features, labels: labels, trainRows: train, testRows: test, data: data,
                       trainIndices: split.train, testIndices: split.test)
    }

    /// `rows` generated accidents (SyntheticBAAC, 2021), one row per accident, severe or not,
    /// encoded with the default accident spec for `family`; the encoder is fitted on the
    /// training rows only. Written as CSV files to `folder`.
    static func synthetic(rows: Int, family: ModelFamily, in folder: URL, seed: UInt64) throws(BenchError) -> Dataset {
        let joined = SyntheticBAAC(seed: seed, year: 2021).tables(count: rows).accidentRows()
        let targets = joined.rows.map(\.target)
        let split = Self.split(labels: targets, classCount: PredictionUnit.accident.classLabels.count, seed: seed)
        let encoder = FeatureEncoder().fit(.defaultAccident, on: joined.selecting(split.train))
        let data = encoder.labeled(joined, for: family)
        let features = folder.appendingPathComponent("X.csv"), labels = folder.appendingPathComponent("y.csv")
        try makeFolder(folder)
        try CSVExport.writeFeatures(data.features, to: features)
        try CSVExport.writeLabels(data.labels, to: labels)
        let (train, test) = try Self.writeSplit(split, in: folder)
        return Dataset(name: "synthetic \(Format.count(rows))",
                       detail: "generated accidents (SyntheticBAAC seed \(seed)), default accident spec encoded "
                       + "for \(family.rawValue), \(Format.count(data.features.rowCount)) rows × "
                       + "\(data.features.columnCount) features",
                       features: features, labels: labels, trainRows: train, testRows: test, data: data,
                       trainIndices: split.train, testIndices: split.test)
    }

    /// The library's seeded stratified 70/30 split, as row indices.
    static func split(labels: [Int32], classCount: Int, seed: UInt64) -> (train: [Int], test: [Int]) {
        StratifiedSampling.split(labels: labels, classCount: classCount, testFraction: testFraction, seed: seed)
    }

    /// Writes a split's `train_idx.txt` and `test_idx.txt` to `folder` and returns them.
    static func writeSplit(_ split: (train: [Int], test: [Int]), in folder: URL) throws(BenchError) -> (URL, URL) {
        try makeFolder(folder)
        let train = folder.appendingPathComponent("train_idx.txt"), test = folder.appendingPathComponent("test_idx.txt")
        try CSVExport.writeIndices(split.train, to: train)
        try CSVExport.writeIndices(split.test, to: test)
        return (train, test)
    }

    static func makeFolder(_ folder: URL) throws(BenchError) {
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw .io(path: folder.path, detail: "cannot create the folder: \(error.localizedDescription)")
        }
    }
}
