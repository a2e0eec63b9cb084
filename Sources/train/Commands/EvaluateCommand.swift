import AccidentML
import ArgumentParser
import Foundation

/// `train evaluate`: a model file's metrics on new labelled data.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure a model file on new labelled data (BAAC folders, or a feature CSV with labels).",
        discussion: "With --output, also writes metrics.json into that folder.")

    @Option(help: ArgumentHelp("The model file (model.aml).", valueName: "model"))
    var model: String

    @OptionGroup(title: "Data") var data: DataSourceOptions

    @Option(help: ArgumentHelp("A folder to write metrics.json into.", valueName: "folder"))
    var output: String?

    @OptionGroup(title: "Run") var options: RunOptions

    func validate() throws { try data.check(needsLabels: true) }

    func run() throws {
        let console = Console.current
        let log = Log(console: console, verbosity: options.verbosity)
        var times = PhaseTimes()
        let total = Stopwatch()
        let model = try ModelLoader.load(console.url(model), console: console)
        let source = data.source(in: console)
        try source.checkInputsExist(in: console)
        let folder = output.map { RunFolder(url: console.url($0)) }
        if let folder { try RunFolder.checkCreatable(folder.metricsURL) }
        let (input, labels) = try times.measure("load") { try Self.load(source, model: model, threads: options.threads, log: log) }
        let probabilities = try times.measure("predict") { try model.predict(input.features, threads: options.threads) }
        let scores = RunScores(classCount: model.classLabels.count, sets: [("evaluation", labels, probabilities)],
                               rowCounts: ["evaluation": labels.count])
        var files: [URL] = []
        if let folder {
            try folder.create()
            let fingerprint = LabeledMatrix(features: input.features, labels: labels, classLabels: model.classLabels).fingerprint
            files.append(try folder.write(metrics: RunMetrics(model: model, scores: scores, durations: times.dictionary, seed: nil,
                                                              dataFingerprint: fingerprint,
                                                              dataSource: source.summary(in: console))))
        }
        guard options.verbosity >= .normal else { return }
        console.out.write(Summary.metricsTable(scores) + "\n" + Summary.facts([
            ("model", "\(model.metadata.kind), \(model.metadata.unit) unit, checksum \(model.version)"),
            ("data", source.summary(in: console)),
            ("rows", Format.count(labels.count)),
            ("time", Summary.times(times, total: total.seconds)),
        ] + files.map { (Summary.fileRole($0), console.display($0)) }))
    }

    /// The model's features for the source and each row's class index in the model's classes.
    static func load(_ source: DataSource, model: AccidentModel, threads: Int, log: Log) throws -> (ModelData, [Int32]) {
        switch source {
        case let .baac(folders, skipBadRows):
            let data = try ModelData.baac(try DataLoader.readTables(folders, skipBadRows: skipBadRows, log: log),
                                          model: model, threads: threads, log: log)
            return (data, data.rows!.rows.map(\.target))
        case let .features(x, labels):
            guard let labels else { preconditionFailure("check(needsLabels:) requires labels") }
            let loaded: LabeledMatrix<Double> = try NumericCSV.loadLabeled(features: x, labels: labels)
            let file = log.console.display(x)
            return (try ModelData.columns(loaded.features, model: model, file: file),
                    try ModelData.labels(loaded.labels, classLabels: loaded.classLabels, model: model,
                                         file: log.console.display(labels)))
        }
    }
}
