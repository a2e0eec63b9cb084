import AccidentML
import ArgumentParser
import Foundation

/// `train evaluate`: a model file's metrics on new labelled data.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure a model file on new labelled data (BAAC folders, or a feature CSV with labels).",
        discussion: """
            With --output, also writes metrics.json and report.html into that folder; there the \
            evaluation rows stand as the validation rows (and as the training values beneath them).
            """)

    @Option(help: ArgumentHelp("The model file (model.aml), or a registry reference models:/NAME@ALIAS or models:/NAME/VERSION.",
                               valueName: "model"))
    var model: String

    @OptionGroup(title: "Registry") var registry: RegistryOptions

    @OptionGroup(title: "Data") var data: DataSourceOptions

    @Option(help: ArgumentHelp("A folder to write metrics.json and report.html into.", valueName: "folder"))
    var output: String?

    @OptionGroup(title: "Run") var options: RunOptions

    @Option(name: .customLong("run-id"), help: ArgumentHelp(
        "An MLflow run to log the evaluation's metrics to (server: --tracking-uri or $MLFLOW_TRACKING_URI).", valueName: "run"))
    var runID: String?

    @Option(name: .customLong("metric-prefix"), help: ArgumentHelp(
        "The prefix of the metrics logged to --run-id.", valueName: "prefix"))
    var metricPrefix = EvaluationTracking.defaultPrefix

    func validate() throws { try data.check(needsLabels: true) }

    func run() throws {
        let run = try ModelRun(modelPath: model, registry: registry, data: data, options: options)
        let (console, log, model, source, total) = (run.console, run.log, run.model, run.source, run.total)
        var times = PhaseTimes()
        let folder = output.map { RunFolder(url: console.url($0)) }
        if let folder { try RunFolder.checkCreatable(folder.metricsURL) }
        let (input, labels) = try times.measure("load") { try Self.load(source, model: model, threads: options.threads, log: log) }
        guard !labels.isEmpty else {
            throw CLIError.data("\(source.summary(in: console)): no \(model.metadata.unit) row to evaluate. "
                                + "Fix: give data with rows of known severity.")
        }
        let probabilities = try times.measure("predict") { try model.predict(input.features, threads: options.threads) }
        let departements = input.rows?.rows.map(\.accident.departement) ?? []
        let scored = TrainingReport.ScoredRows(probabilities: probabilities, labels: labels, departements: departements)
        var report = times.measure("evaluate") {
            RunReport.make(metadata: Self.evaluationMetadata(model, labels: labels, input: input, source: source.summary(in: console)),
                           seed: UInt64(model.metadata.hyperparameters["seed"] ?? "") ?? 0, durations: [:],
                           features: input.readableFeatures, train: scored, validation: scored, learningCurves: [],
                           classifier: model.classifier)
        }
        if let folder {
            report.run.durations = times.dictionary
            try times.measure("write") {
                try folder.create()
                try folder.write(report: report)
            }
        }
        if let runID {
            try EvaluationTracking(runID: runID, prefix: metricPrefix)
                .log(report.finalMetrics, registry: registry, console: console, verbosity: options.verbosity)
        }
        guard options.verbosity >= .normal else { return }
        console.out.write(Summary.metricsTable(report.finalMetrics, columns: [("evaluation", { $0.validation })]) + "\n" + Summary.facts([
            ("model", "\(model.metadata.kind), \(model.metadata.unit) unit, checksum \(model.version)"),
            ("data", source.summary(in: console)),
            ("rows", Format.count(labels.count)),
            ("time", Summary.times(times, total: total.seconds)),
        ] + (folder.map { [$0.metricsURL, $0.reportURL] } ?? []).map { (Summary.fileRole($0), console.display($0)) }))
    }

    /// The model's metadata retold for the evaluation run: the new data, its rows and
    /// fingerprint, this library and now.
    static func evaluationMetadata(_ model: AccidentModel, labels: [Int32], input: ModelData, source: String) -> ModelMetadata {
        var m = model.metadata
        m.rowCounts = ["evaluation": labels.count]
        m.dataSource = "\(source) (model \(model.version), trained on \(m.dataSource))"
        m.dataFingerprint = LabeledMatrix(features: input.features, labels: labels, classLabels: m.classLabels).fingerprint
        m.libraryVersion = accidentMLVersion
        m.createdAt = ISO8601DateFormatter().string(from: Date())
        return m
    }

    /// The model's features for the source and each row's class index in the model's classes.
    static func load(_ source: DataSource, model: AccidentModel, threads: Int, log: Log) throws -> (ModelData, [Int32]) {
        switch source {
        case .baac, .database:
            let data = try ModelData.baac(try DataLoader.loadTables(source, log: log), model: model, forPrediction: false, threads: threads, log: log)
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
