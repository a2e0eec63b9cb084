// Trains AccidentML's GBDT on a numeric feature CSV (e.g. ../shared/data/baac2021) with the
// benchmark's hyperparameters, on the rows of a split file, and writes a `.columns` model file:
//
//   bench-model FEATURES.csv LABELS.csv TRAIN_ROWS.txt OUT.aml
//
// TRAIN_ROWS holds 0-based data-row indices (scripts/peers/make_split.py), so that the model is
// trained on exactly the rows the LightGBM peer model is (gbdt_peer.py --train-rows). With
// --synthetic, it writes a BAAC accident model instead (the docs' example outputs).
import AccidentML
import Foundation

let arguments = CommandLine.arguments
let usage = """
    usage: bench-model FEATURES.csv LABELS.csv TRAIN_ROWS.txt OUT.aml
           bench-model --synthetic OUT.aml   (a GBDT accident model on 5,000 synthetic accidents, for docs examples)

    """

/// Trains with the benchmark's hyperparameters and writes the model file.
func write(_ train: LabeledMatrix<Float>, unit: PredictionUnit, input: ModelInput, source: String, to path: String) throws {
    var parameters = GBDTParameters()
    parameters.rounds = 300
    parameters.learningRate = 0.1
    parameters.numLeaves = 31
    parameters.maxDepth = 6
    parameters.minDataInLeaf = 20
    parameters.threads = 2
    let start = Date()
    let forest = try GBDTTrainer(parameters: parameters).train(train)
    var model = AccidentModel(
        metadata: ModelMetadata(kind: .gbdt, unit: unit, classLabels: train.classLabels,
                                featureNames: train.features.columnNames,
                                hyperparameters: ["rounds": "300", "learning_rate": "0.1", "num_leaves": "31",
                                                  "max_depth": "6", "min_data_in_leaf": "20"],
                                rowCounts: ["train": train.features.rowCount], dataSource: source),
        input: input, classifier: .gbdt(forest))
    try model.write(to: URL(fileURLWithPath: path))
    let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
    FileHandle.standardError.write(Data(
        "bench-model: \(forest.roundCount) rounds on \(train.features.rowCount) rows in \(seconds) s -> \(path) (version \(model.version))\n".utf8))
}

switch arguments.count {
case 3 where arguments[1] == "--synthetic":
    let rows = SyntheticBAAC(seed: 42).tables(count: 5000).accidentRows()
    let encoder = FeatureEncoder().fit(.defaultAccident, on: rows)
    try write(encoder.labeled(rows, for: .trees), unit: .accident, input: .baac(encoder),
              source: "SyntheticBAAC(seed: 42), 5000 accidents", to: arguments[2])
case 5:
    let data = try NumericCSV.loadLabeled(features: URL(fileURLWithPath: arguments[1]),
                                          labels: URL(fileURLWithPath: arguments[2]), as: Float.self)
    let rows = try String(contentsOfFile: arguments[3], encoding: .utf8).split(whereSeparator: \.isWhitespace).map { Int($0)! }
    let train = data.selecting(rows: rows)
    try write(train, unit: .accident, input: .columns(train.features.columnNames), source: arguments[1], to: arguments[4])
default:
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
