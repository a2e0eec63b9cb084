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
            class, then one probability column p_<class> per class. The file is written atomically; \
            a feature CSV is read, predicted and written \(Self.chunkRows) rows at a time.
            """)

    @Option(help: ArgumentHelp("The model file (model.aml), or a registry reference models:/NAME@ALIAS or models:/NAME/VERSION.",
                               valueName: "model"))
    var model: String

    @OptionGroup(title: "Registry") var registry: RegistryOptions

    @OptionGroup(title: "Data") var data: DataSourceOptions

    @Option(help: ArgumentHelp("The predictions CSV to write.", valueName: "file"))
    var output = "predictions.csv"

    @OptionGroup(title: "Run") var options: RunOptions

    /// Rows of a feature CSV read, predicted and written at a time (bounded memory for any file size).
    static let chunkRows = 65_536

    func validate() throws { try data.check(needsLabels: false) }

    func run() throws {
        let run = try ModelRun(modelPath: model, registry: registry, data: data, options: options)
        let (console, log, model, source, total) = (run.console, run.log, run.model, run.source, run.total)
        var times = PhaseTimes()
        let target = output == "-" ? "-" : console.url(output).path
        try PredictionWriter.check(target)
        let writer: PredictionWriter
        switch source {
        case .baac, .database:
            writer = try predict(tables: source, model: model, to: target, times: &times, log: log)
        case .features(let x, _):
            writer = try predict(features: x, model: model, to: target, times: &times, log: log)
        }
        try times.measure("write") { try writer.commit() }
        // Predictions on standard output: the summary would mix with them.
        guard options.verbosity >= .normal, !PredictionWriter.isStandardOutput(target) else { return }
        let n = max(writer.rowCount, 1)
        let shares = zip(model.classLabels, writer.classCounts).map { label, count in
            "\(label) \(Format.count(count)) (\(String(format: "%.1f", 100 * Double(count) / Double(n))) %)"
        }
        console.out.write(Summary.facts([
            ("predicted", "\(Format.count(writer.rowCount)) rows: " + shares.joined(separator: " · ")),
            ("model", "\(model.metadata.kind), \(model.metadata.unit) unit, checksum \(model.version)"),
            ("time", Summary.times(times, total: total.seconds)),
            ("predictions", console.display(URL(fileURLWithPath: target))),
        ]))
    }

    /// Reads BAAC tables (folders or the database), predicts every row of the model's unit and
    /// writes it with its keys.
    private func predict(tables source: DataSource, model: AccidentModel, to path: String,
                         times: inout PhaseTimes, log: Log) throws -> PredictionWriter {
        let input = try times.measure("load") {
            try ModelData.baac(try DataLoader.loadTables(source, log: log), model: model, forPrediction: true, threads: options.threads, log: log)
        }
        let rows = input.rows!
        let p = try times.measure("predict") { try model.predict(input.features, threads: options.threads) }
        return try times.measure("write") {
            try PredictionWriter.createFolder(of: path)
            if rows.unit == .person {
                let writer = try PredictionWriter(path: path, idColumns: ["Num_Acc", "id_vehicule", "num_veh", "id_usager"],
                                                  classLabels: model.classLabels)
                try writer.append(rowCount: rows.count, ids: { r in
                    let u = rows.rows[r].user
                    return ["\(u.accidentID)", u.vehicleID < 0 ? "" : "\(u.vehicleID)", u.vehicleNumber.description,
                            u.userID < 0 ? "" : "\(u.userID)"]
                }, probabilities: p)
                return writer
            }
            let writer = try PredictionWriter(path: path, idColumns: ["Num_Acc"], classLabels: model.classLabels)
            try writer.append(rowCount: rows.count, ids: { r in ["\(rows.rows[r].accident.id)"] }, probabilities: p)
            return writer
        }
    }

    /// Streams a feature CSV: reads, predicts and writes `chunkRows` rows at a time.
    private func predict(features x: URL, model: AccidentModel, to path: String, times: inout PhaseTimes,
                         log: Log) throws -> PredictionWriter {
        var reader = try NumericCSV.ChunkReader(x)
        let hasIDs = reader.columnNames.contains("Num_Acc")
        try PredictionWriter.createFolder(of: path)
        let writer = try PredictionWriter(path: path, idColumns: [hasIDs ? "Num_Acc" : "row"], classLabels: model.classLabels)
        let file = log.console.display(x)
        while let chunk: FeatureMatrix<Double> = try times.measure("load", { try reader.next(maxRows: Self.chunkRows) }) {
            let first = reader.rowsRead - chunk.rowCount
            let input = try ModelData.columns(chunk, model: model, file: file)
            let p = try times.measure("predict") { try model.predict(input.features, threads: options.threads) }
            try times.measure("write") {
                try writer.append(rowCount: chunk.rowCount, ids: { r in
                    guard let ids = input.accidentIDs else { return ["\(first + r + 1)"] }
                    return [Int64(exactly: ids[r]).map(String.init) ?? (ids[r].isNaN ? "" : "\(ids[r])")]
                }, probabilities: p)
            }
        }
        if reader.rowsRead == 0 {
            // No data row: still check that the header has the model's columns.
            _ = try ModelData.columns(FeatureMatrix(rowCount: 0, columnNames: reader.columnNames), model: model, file: file)
        }
        log.detail("predicted \(Format.count(reader.rowsRead)) rows of \(file) in chunks of \(Format.count(Self.chunkRows))")
        return writer
    }
}
