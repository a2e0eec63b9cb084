import AccidentML
import Foundation

/// The whole `train fit` command against LightGBM's Python `lgb.train` from the same CSV
/// files: ours is the `train` executable in a child process (CSV load, training with a
/// validation set, learning curve, report, model file), the peer `fit_peer.py` (CSV load with
/// pandas, `lgb.Dataset`, `lgb.train` with the validation AUC every round, `save_model`).
///
/// Both read the same four files, written from the command's own stratified split: the
/// training rows and the held-out rows as a separate validation set (`--validation-data`).
enum FitCommandBenchmark {
    /// The goal: the command's wall time at most this many times the peer's.
    static let targetRatio = 0.8

    /// The figure and its notes; nil with a note when the `train` executable is not beside
    /// `bench` or the split is not a two-class feature CSV.
    static func figure(_ run: BenchRun, split: EncodedSplit, dataName: String, trees: Int,
                       repeats: Int) throws(BenchError) -> (figure: Figure?, notes: [String]) {
        guard let train = trainExecutable() else {
            return (nil, ["Whole command: skipped, no `train` executable beside `bench` "
                          + "(build it with `swift build -c release --product train`)."])
        }
        guard split.train.classLabels == ["0", "1"] else {
            return (nil, ["Whole command: skipped, the data is not a 0/1 feature CSV."])
        }
        let folder = run.workspace.appendingPathComponent("fit-command")
        try Dataset.makeFolder(folder)
        let files = ["X_fit_train.csv", "y_fit_train.csv", "X_fit_valid.csv", "y_fit_valid.csv"].map {
            folder.appendingPathComponent($0)
        }
        try CSVExport.writeFeatures(split.train.features, to: files[0])
        try CSVExport.writeLabels(split.train.labels, to: files[1])
        try CSVExport.writeFeatures(split.heldOut.features, to: files[2])
        try CSVExport.writeLabels(split.heldOut.labels, to: files[3])
        let command = Subprocess(executable: train, arguments: [
            "fit", "--features", files[0].path, "--labels", files[1].path, "--validation-data", files[2].path,
            "--validation-labels", files[3].path, "--model", "gbdt", "--trees", "\(trees)", "--early-stopping", "0",
            "--threads", "1", "--seed", "\(run.settings.seed)", "--quiet",
            "--output", folder.appendingPathComponent("run").path,
        ])
        Progress.say("fit: the whole command, \(repeats) repeats: \(command.commandLine)")
        let ours = try Stopwatch.measure("train fit (whole command)", repeats: repeats) { () throws(BenchError) in
            _ = try command.run()
        }
        let rows = "\(Format.count(split.train.labels.count)) training rows, \(Format.count(split.heldOut.labels.count)) validation rows"
        let label = "whole `train fit`, CSV to model and report, \(dataName) (\(rows))"
        var notes = [
            "Whole command: ours is the wall time of `train fit --features X_fit_train.csv --labels y_fit_train.csv "
                + "--validation-data X_fit_valid.csv --validation-labels y_fit_valid.csv --trees \(trees) --early-stopping 0 "
                + "--threads 1` in a child process (process start, CSV load, training, the learning curve, metrics.json, "
                + "report.html, model.aml), after one warm-up run; the four files are the command's own stratified "
                + "split written by `bench`. Goal: ratio ≤ \(targetRatio).",
        ]
        guard let peers = run.peers else { return (Figure(label: label, threads: "1", unit: "s", better: .lower, ours: ours, peer: nil), notes) }
        let script = peers.script("fit_peer.py", [
            "--features", files[0].path, "--labels", files[1].path, "--valid-features", files[2].path,
            "--valid-labels", files[3].path, "--save-model", folder.appendingPathComponent("lightgbm.txt").path,
            "--trees", "\(trees)", "--threads", "1", "--repeats", "\(repeats)", "--seed", "\(run.settings.seed)",
        ])
        let out = try run.runPeer(script, as: FitPeerOutput.self) { $0.context }
        let name = "LightGBM \(out.context.versions["lightgbm"] ?? "") lgb.train"
        notes.append("Peer: `scripts/peers/fit_peer.py`, in one Python process: per repeat `pandas.read_csv` of the four "
                     + "files, `lgb.Dataset` of both sets, `lgb.train` (\(trees) rounds, LightGBM's defaults, the validation "
                     + "AUC recorded every round), `save_model`; the interpreter start and imports "
                     + "(\(Format.number(out.startupSeconds)) s) are not counted. Validation AUC: LightGBM "
                     + String(format: "%.4f", out.validationMetric) + ".")
        return (Figure(label: label, threads: "1", unit: "s", better: .lower, ours: ours,
                       peer: MeasuredSide(name: name, seconds: out.fit.seconds, context: out.context)), notes)
    }

    /// The `train` executable built beside this `bench` (same configuration), if any.
    static func trainExecutable() -> URL? {
        let bench = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let train = bench.deletingLastPathComponent().appendingPathComponent("train")
        return FileManager.default.isExecutableFile(atPath: train.path) ? train : nil
    }
}
