import AccidentML
import Foundation

/// Section 2: GBDT training time, peak memory and held-out accuracy, ours (in a child process)
/// against LightGBM, XGBoost and scikit-learn's HistGradientBoosting, same hyperparameters.
enum GBDTBenchmark {
    /// The peer libraries: `gbdt_peer.py --library` name, display name, version key.
    static let libraries = [("lightgbm", "LightGBM", "lightgbm"), ("xgboost", "XGBoost", "xgboost-cpu"),
                            ("sklearn-hgb", "scikit-learn HGB", "scikit-learn")]

    static func run(_ run: BenchRun) throws(BenchError) -> SectionResult {
        let hyper = GBDTHyper(seed: run.settings.seed)
        var result = SectionResult(section: .gbdt, title: "GBDT training (seconds, peak RSS)")
        var accuracy = TextTable(title: "Held-out accuracy (\(run.settings.threads[0]) thread)",
                                 header: ["Data", "Library", "Trees", "Test AUC", "Δ AUC vs ours", "Test log-loss",
                                          "Δ log-loss vs ours"], rows: [])
        var memory = TextTable(title: "Memory of the training process (MiB, median of the repeats)",
                               header: ["Data", "Threads", "Library", "RSS before training", "Peak RSS",
                                        "Peak − before"], rows: [])
        var datasets = try [run.realData()].compactMap { $0 }
        datasets.append(try run.syntheticTrees())
        let inferenceData = try run.inferenceData().name
        for data in datasets {
            for (i, threads) in run.settings.threads.enumerated() {
                let ours = try trainOurs(data, hyper: hyper, threads: threads, run: run)
                let oursTime = MeasuredSide(name: "AccidentML \(accidentMLVersion)", summary: Summary(ours.train.seconds),
                                           loadBefore: ours.loadavgBefore, loadAfter: ours.loadavgAfter)
                var rows: [(String, GBDTRunOutput)] = [("AccidentML", ours)]
                for (library, display, versionKey) in libraries where run.peers != nil {
                    let saveModel = library == "lightgbm" && i == 0 && data.name == inferenceData
                        ? run.workspace.appendingPathComponent("lightgbm-\(data.name).txt") : nil
                    let command = run.peers!.gbdt(library: library, data: data, hyper: hyper, threads: threads,
                                                  repeats: run.settings.repeats, saveModel: saveModel)
                    let out = try run.runPeer(command, as: GBDTRunOutput.self) { _ in nil }
                    run.record(out.versions)
                    if let saveModel { run.lightGBMModel = saveModel }
                    let name = "\(display) \(out.versions[versionKey] ?? "")"
                    let peerTime = MeasuredSide(name: name, summary: Summary(out.train.seconds),
                                               loadBefore: out.loadavgBefore, loadAfter: out.loadavgAfter)
                    result.figures.append(Figure(label: "train, \(data.name)", threads: "\(threads)", unit: "s",
                                                 better: .lower, ours: oursTime, peer: peerTime))
                    result.figures.append(Figure(label: "peak RSS, \(data.name)", threads: "\(threads)", unit: "MiB",
                                                 better: .lower, ours: memoryMeasurement(oursTime.name, ours),
                                                 peer: memoryMeasurement(name, out)))
                    rows.append((display, out))
                }
                if run.peers == nil {
                    result.figures.append(Figure(label: "train, \(data.name)", threads: "\(threads)", unit: "s",
                                                 better: .lower, ours: oursTime, peer: nil))
                }
                for (name, out) in rows {
                    memory.rows.append([data.name, "\(threads)", name] + memoryCells(out))
                }
                if i == 0 { accuracy.rows += accuracyRows(data.name, rows) }
            }
        }
        result.tables = [accuracy, memory]
        result.notes = [
            "Same hyperparameters everywhere: \(hyper.summary); leaf-wise growth; no bagging, no early stopping "
                + "(the mapping per library is in `scripts/peers/gbdt_peer.py`).",
            "Timed region: the whole training from the in-memory matrix, binning included, no warm-up; every side "
                + "runs in its own process (ours: `bench gbdt-child`, the same flags as `gbdt_peer.py`).",
            "Peak RSS is the kernel's VmHWM over one training after resetting it (`/proc/self/clear_refs`), "
                + "as the peers measure it: it includes each process's baseline (Python, numpy and the library, "
                + "the float64 data); the memory table gives the increase during training.",
            "Split: 70/30 stratified (seed \(run.settings.seed)), the same index files for every side; Δ = peer − ours.",
        ] + datasets.map { "\($0.name): \($0.detail)." }
        return result
    }

    /// Our training in a child process (`bench gbdt-child`).
    private static func trainOurs(_ data: Dataset, hyper: GBDTHyper, threads: Int,
                                  run: BenchRun) throws(BenchError) -> GBDTRunOutput {
        let executable: String
        do { executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") } catch {
            throw .io(path: "/proc/self/exe", detail: "cannot find the bench executable to re-run it: \(error.localizedDescription)")
        }
        let child = Subprocess(executable: URL(fileURLWithPath: executable),
                               arguments: ["gbdt-child"] + data.peerArguments + hyper.peerArguments
                                   + ["--threads", "\(threads)", "--repeats", "\(run.settings.repeats)"])
        Progress.say("gbdt: \(data.name), AccidentML, \(threads) thread(s), \(run.settings.repeats) repeats")
        return try child.runJSON(GBDTRunOutput.self)
    }

    private static func memoryMeasurement(_ name: String, _ out: GBDTRunOutput) -> MeasuredSide {
        MeasuredSide(name: name, summary: Summary(out.peakRssBytes).scaled(by: 1.0 / Double(1 << 20)),
                    loadBefore: out.loadavgBefore, loadAfter: out.loadavgAfter)
    }

    private static func memoryCells(_ out: GBDTRunOutput) -> [String] {
        let mib = 1.0 / Double(1 << 20)
        let before = Summary(out.rssBeforeTrainingBytes).median * mib, peak = Summary(out.peakRssBytes).median * mib
        let increase = Summary(zip(out.peakRssBytes, out.rssBeforeTrainingBytes).map { ($0 - $1) * mib })
        return [Format.number(before), Format.number(peak), Format.summary(increase)]
    }

    private static func accuracyRows(_ data: String, _ rows: [(String, GBDTRunOutput)]) -> [[String]] {
        let ours = rows[0].1
        return rows.map { name, out in
            let isOurs = name == rows[0].0
            return [data, name, "\(out.treesBuilt)", Format.metric(out.testAuc, decimals: 5),
                    isOurs ? "" : Format.signed(out.testAuc - ours.testAuc), Format.metric(out.testLogLoss, decimals: 5),
                    isOurs ? "" : Format.signed(out.testLogLoss - ours.testLogLoss)]
        }
    }
}
