import AccidentML
import Foundation

/// Section `fit`: the train phase of `train fit` (the core's `TrainingJob`, the learning curve
/// included) against the bare core fit (`GBDTTrainer` without a curve) on the same training
/// rows and parameters; the plain every-round curve is measured too, as the cost before
/// the curve was thinned.
enum FitBenchmark {
    /// The target: the command's train phase at most this many times the bare fit's.
    static let targetRatio = 1.15

    static func run(_ run: BenchRun) throws(BenchError) -> SectionResult {
        var result = SectionResult(section: .fit, title: "`train fit` train phase against the core fit (seconds)")
        let data: Dataset
        if let real = try run.realData() { data = real } else { data = try run.syntheticTrees() }
        var p = ModelTrainer.defaultTrees
        p.earlyStoppingPatience = 0
        p.seed = run.settings.seed
        p.threads = 1
        let repeats = max(5, run.settings.repeats)
        let rows = LabeledRows.columns(data.data)
        func job(_ curve: LearningCurvePlan) -> TrainingJob {
            TrainingJob(trainer: .gbdt(p, metric: .auc), validation: .default, seed: run.settings.seed, threads: 1, curve: curve)
        }
        Progress.say("fit: \(data.name), core fit, \(repeats) repeats")
        let split = try trainPhase(job(.automatic), rows).split  // the command's training and held-out rows
        let trainRows = split.train
        let core = try Stopwatch.measure("GBDTTrainer.train (no curve)", repeats: repeats) { () throws(BenchError) in
            do throws(GBDTError) { _ = try GBDTTrainer(parameters: p).train(trainRows) } catch {
                throw .library(section: "fit", detail: error.description)
            }
        }
        // Where the rest goes: the bare fit that also scores the held-out rows every round (no curve).
        Progress.say("fit: \(data.name), core fit scoring the validation rows, \(repeats) repeats")
        let withValidation = try Stopwatch.measure("GBDTTrainer.train with validation rows, no curve", repeats: repeats) {
            () throws(BenchError) in
            do throws(GBDTError) { _ = try GBDTTrainer(parameters: p).train(split.train, validation: split.heldOut) } catch {
                throw .library(section: "fit", detail: error.description)
            }
        }
        result.figures.append(Figure(label: "core fit scoring the \(Format.count(split.heldOut.labels.count)) validation rows, "
                                     + "no curve, \(data.name)", threads: "1", unit: "s", better: .lower, ours: withValidation,
                                     peer: core))
        for (name, curve) in [("automatic curve", LearningCurvePlan.automatic), ("every-round curve", .everyRound)] {
            Progress.say("fit: \(data.name), TrainingJob with the \(name), \(repeats) repeats")
            let side = try trainPhaseSide("TrainingJob train phase, \(name)", job(curve), rows, repeats: repeats)
            result.figures.append(Figure(label: "train fit --trees \(p.rounds) --early-stopping 0, \(name), \(data.name) "
                                         + "(\(Format.count(trainRows.features.rowCount)) training rows)",
                                         threads: "1", unit: "s", better: .lower, ours: side, peer: core))
        }
        let whole = try FitCommandBenchmark.figure(run, split: split, dataName: data.name, trees: p.rounds, repeats: repeats)
        if let figure = whole.figure { result.figures.append(figure) }
        result.notes = [
            "Ours is the train phase of `train fit --features X_train.csv --labels y_train.csv --trees \(p.rounds) "
                + "--early-stopping 0 --threads 1` (the core's `TrainingJob` the command runs, 20 % stratified hold-out, "
                + "learning curve included), timed by the job's own phase clock; the peer column is the bare "
                + "`GBDTTrainer.train` on the same training rows with the same parameters and no curve.",
            "\(p.rounds) trees, \(p.numLeaves) leaves, no depth limit, learning rate \(p.learningRate), early stopping off, "
                + "1 thread, seed \(p.seed); median of \(repeats) runs, one warm-up run of the core fit.",
            "Automatic curve: a point every \(LearningCurvePlan.automatic.interval(rounds: p.rounds)) rounds and the last "
                + "(about \(LearningCurvePlan.automaticPoints)), the training side on a seeded sample of at most "
                + "\(Format.count(LearningCurvePlan.defaultTrainSampleLimit)) rows; every-round curve: the plain curve "
                + "(every round, every training row), as before the curve was thinned.",
            "Goal: ratio ≤ \(targetRatio) for the automatic curve.",
            "\(data.name): \(data.detail).",
        ]
        result.notes += whole.notes
        return result
    }

    /// One run of `job`, for its encoded split.
    private static func trainPhase(_ job: TrainingJob, _ rows: LabeledRows) throws(BenchError) -> TrainingResult {
        do { return try job.run(on: rows) } catch {
            throw .library(section: "fit", detail: "\(error)")
        }
    }

    /// The job's train phase over `repeats` runs (after one warm-up run), with the load around them.
    private static func trainPhaseSide(_ name: String, _ job: TrainingJob, _ rows: LabeledRows,
                                       repeats: Int) throws(BenchError) -> MeasuredSide {
        _ = try trainPhase(job, rows)
        let before = MachineInfo.loadAverage()
        var samples: [Double] = []
        for _ in 0..<repeats {
            samples.append(try trainPhase(job, rows).times.dictionary["train"] ?? .nan)
        }
        return MeasuredSide(name: name, summary: Summary(samples), loadBefore: before, loadAfter: MachineInfo.loadAverage())
    }
}
