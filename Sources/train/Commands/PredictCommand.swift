import AccidentML
import ArgumentParser
import Foundation

/// `train predict`: applies a model file to new data and writes one CSV row per prediction.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predict new data with a model file and write predictions.csv.",
        discussion: """
            Columns: the row ids (BAAC: Num_Acc, and for the person unit id_vehicule, num_veh, \
            id_usager; a feature CSV: its Num_Acc column, else the 1-based data row), the predicted \
            class, then one probability column p_<class> per class. The file is written atomically.
            """)

    @Option(help: ArgumentHelp("The model file (model.aml).", valueName: "model"))
    var model: String

    @OptionGroup(title: "Data") var data: DataSourceOptions

    @Option(help: ArgumentHelp("The predictions CSV to write.", valueName: "file"))
    var output = "predictions.csv"

    @OptionGroup(title: "Run") var options: RunOptions

    func validate() throws { try data.check(needsLabels: false) }

    func run() throws {
        let console = Console.current
        let log = Log(console: console, verbosity: options.verbosity)
        var times = PhaseTimes()
        let total = Stopwatch()
        let model = try ModelLoader.load(console.url(model), console: console)
        let source = data.source(in: console)
        try source.checkInputsExist(in: console)
        let url = console.url(output)
        try RunFolder.checkCreatable(url)
        let input = try times.measure("load") { try Self.load(source, model: model, threads: options.threads, log: log) }
        let probabilities = try times.measure("predict") { try model.predict(input.data.features, threads: options.threads) }
        try times.measure("write") {
            try RunFolder(url: url.deletingLastPathComponent()).create()
            let writer = try PredictionWriter(url: url, idColumns: input.idColumns, classLabels: model.classLabels)
            try writer.append(rowCount: input.data.features.rowCount, ids: input.ids, probabilities: probabilities)
            try writer.commit()
        }
        guard options.verbosity >= .normal else { return }
        let predicted = ConfusionMatrix.predictedClasses(probabilities: probabilities, classCount: model.classLabels.count)
        let n = max(predicted.count, 1)
        let shares = model.classLabels.indices.map { k in
            let count = predicted.lazy.filter { $0 == Int32(k) }.count
            return "\(model.classLabels[k]) \(Format.count(count)) (\(String(format: "%.1f", 100 * Double(count) / Double(n))) %)"
        }
        console.out.write(Summary.facts([
            ("predicted", "\(Format.count(predicted.count)) rows: " + shares.joined(separator: " · ")),
            ("model", "\(model.metadata.kind), \(model.metadata.unit) unit, checksum \(model.version)"),
            ("time", Summary.times(times, total: total.seconds)),
            ("predictions", console.display(url)),
        ]))
    }

    /// The model's features for the source, with the id columns of each row.
    static func load(_ source: DataSource, model: AccidentModel, threads: Int, log: Log) throws
        -> (data: ModelData, idColumns: [String], ids: (Int) -> [String]) {
        switch source {
        case let .baac(folders, skipBadRows):
            let data = try ModelData.baac(try DataLoader.readTables(folders, skipBadRows: skipBadRows, log: log),
                                          model: model, threads: threads, log: log)
            let rows = data.rows!.rows
            if data.rows!.unit == .person {
                return (data, ["Num_Acc", "id_vehicule", "num_veh", "id_usager"], { r in
                    let u = rows[r].user
                    return ["\(u.accidentID)", u.vehicleID < 0 ? "" : "\(u.vehicleID)", u.vehicleNumber.description,
                            u.userID < 0 ? "" : "\(u.userID)"]
                })
            }
            return (data, ["Num_Acc"], { r in ["\(rows[r].accident.id)"] })
        case .features(let x, _):
            let matrix: FeatureMatrix<Double> = try NumericCSV.loadFeatures(x)
            let data = try ModelData.columns(matrix, model: model, file: log.console.display(x))
            if let ids = data.accidentIDs {
                return (data, ["Num_Acc"], { r in [Int64(exactly: ids[r]).map(String.init) ?? (ids[r].isNaN ? "" : "\(ids[r])")] })
            }
            return (data, ["row"], { r in ["\(r + 1)"] })
        }
    }
}
