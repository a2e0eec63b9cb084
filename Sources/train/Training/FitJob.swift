import AccidentML
import Foundation

/// Runs a `FitPlan`: loads the data, runs the core's `TrainingJob` with progress bars, writes
/// the run folder.
struct FitJob {
    /// What to do.
    let plan: FitPlan
    /// Where notes and progress go.
    let log: Log

    /// Trains, writes the run folder and returns what the summary shows.
    func run() throws -> FitOutcome {
        let console = log.console
        var times = PhaseTimes()
        let total = Stopwatch()
        try plan.job.validate()
        try plan.source.checkInputsExist(in: console)
        try plan.validationSource?.checkInputsExist(in: console, validation: true)
        let folder = RunFolder(url: plan.runFolder)
        try RunFolder.checkCreatable(folder.modelURL)
        let (data, validationRows) = try times.measure("load") {
            try DataLoader.loadLabeled(plan.source, validation: plan.validationSource, unit: plan.unit, log: log)
        }
        let dataSource = plan.source.summary(in: console)
            + (plan.validationSource.map { "; validation " + $0.summary(in: console) } ?? "")
        log.note("training \(plan.job.trainer.kind) on \(Format.count(data.count)) \(plan.unit) rows "
                 + "(\(dataSource)), " + (validationRows.map { "validated on \(Format.count($0.count)) separate rows" }
                    ?? "\(plan.job.validation)"))
        var bars = TrainingProgressBars(log: log)
        let fit = try plan.job.run(on: data, validationRows: validationRows) { bars.handle($0) }
        times.add(fit.times)
        let provenance = TrainingProvenance(unit: plan.unit, metric: plan.metric, validation: plan.job.validation,
                                            seed: plan.job.seed, dataSource: dataSource)
        var (model, report) = times.measure("evaluate") { fit.assemble(provenance, classLabels: data.classLabels) }
        try times.measure("write") {
            try folder.create()
            try folder.write(model: &model)
        }
        report.run.durations = times.dictionary
        try times.measure("write") { try folder.write(report: report) }
        return FitOutcome(model: model, report: report, folds: fit.folds, validationName: fit.validationName,
                          times: times, totalSeconds: total.seconds, files: folder.files)
    }

    /// Runs `plan` and prints the summary table: the body of `train fit` and `train default`.
    static func runAndSummarize(_ plan: FitPlan, verbosity: Verbosity, console: Console) throws {
        let outcome = try FitJob(plan: plan, log: Log(console: console, verbosity: verbosity)).run()
        if verbosity >= .normal { console.out.write(Summary.fit(outcome, console: console)) }
    }
}

/// What `fit` hands to the summary.
struct FitOutcome {
    /// The model as written (with its file checksum).
    let model: AccidentModel
    /// The report as written.
    let report: TrainingReport
    /// Each fold's metrics (none for a hold-out).
    let folds: FoldMetrics
    /// What the validation rows are: `validation` or `out-of-fold`.
    let validationName: String
    /// Phase durations.
    let times: PhaseTimes
    /// Wall time of the whole fit.
    let totalSeconds: Double
    /// The files written.
    let files: [URL]
}
