import AccidentML
import Foundation

/// Section 4: GBDT prediction speed, our flattened forest against LightGBM's `predict` and
/// lleaves (the LightGBM model compiled by LLVM): batch rows/s and single-row latency.
///
/// AccidentML cannot export LightGBM's text format, so each library predicts with its own
/// model, trained on the same split with the same hyperparameters (300 trees, 31 leaves, depth 6).
enum InferenceBenchmark {
    static let batches = [1_000, 100_000]
    /// Untimed single-row calls before the timed ones (the peer's default).
    static let warmUpCalls = 200

    static func run(_ run: BenchRun) throws(BenchError) -> SectionResult {
        let s = run.settings
        let data = try run.inferenceData()
        let hyper = GBDTHyper(seed: s.seed)
        Progress.say("inference: training our model on \(data.name)")
        let model: GBDTModel
        do { model = try GBDTTrainer(parameters: hyper.parameters(threads: s.threads.max()!)).train(data.train) } catch {
            throw .library(section: "inference", detail: "training our model failed: \(error.description)")
        }
        let peer = try runPeers(run, data: data, hyper: hyper)
        var result = SectionResult(section: .inference, title: "GBDT inference (rows/s, single-row latency µs)")
        let n = data.rowCount
        for batch in batches {
            let x = data.data.features.selecting(rows: (0..<batch).map { $0 % n })
            for threads in s.threads {
                Progress.say("inference: batch \(batch), \(threads) thread(s), \(s.repeats) repeats")
                let ours = Stopwatch.measure("AccidentML \(accidentMLVersion)", repeats: s.repeats) {
                    _ = model.predictProbabilities(x, threads: threads)
                }.converted { $0.reciprocal(times: Double(batch)) }
                let peerSides = peer.map { p in ["lightgbm", "lleaves"].map { p.batch(library: $0, size: batch, threads: threads) } }
                for side in peerSides ?? [nil] {
                    result.figures.append(Figure(label: "batch \(Format.count(batch))", threads: "\(threads)",
                                                 unit: "rows/s", better: .higher, ours: ours, peer: side))
                }
                if model.hasBlockedLayout {
                    result.figures.append(blockedAgainstWalk(model, x, threads: threads, repeats: s.repeats, ours: ours))
                }
            }
        }
        Progress.say("inference: single rows, \(s.repeats) × \(s.singleRowCalls) calls")
        let (p50, p99) = singleRowLatency(model, data.data.features, calls: s.singleRowCalls, repeats: s.repeats)
        for (label, ours, pick) in [("single row p50", p50, \PeerLatency.p50), ("single row p99", p99, \PeerLatency.p99)] {
            for path in peer?.latencies ?? [] {
                result.figures.append(Figure(label: "\(label) vs \(path.path)", threads: "1", unit: "µs", better: .lower,
                                             ours: ours, peer: path[keyPath: pick]))
            }
            if peer == nil {
                result.figures.append(Figure(label: label, threads: "1", unit: "µs", better: .lower, ours: ours, peer: nil))
            }
        }
        result.notes = [
            "AccidentML cannot export LightGBM's text format yet, so each library predicts with its own model: ours "
                + "and LightGBM's trained on the same split of \(data.name) with the same hyperparameters "
                + "(\(hyper.summary)); lleaves compiles the LightGBM model.",
            "Batches: rows of \(data.name) repeated to the batch size; ours reads Float column-major, the peers "
                + "float64 row-major. Ours: \(s.repeats) timed calls after a warm-up call, in one process; peers: "
                + "\(s.repeats) runs of `inference_peer.py --repeats 1` (a warm-up call, then one timed call each).",
            "Single rows: \(s.singleRowCalls) calls cycling through the rows after \(warmUpCalls) warm-up calls, each "
                + "timed alone; p50/p99 per run, median (min–max) over \(s.repeats) runs. The peers' figures include "
                + "the Python call (what a Python server pays); `lightgbm_single_row_fast` is LightGBM's C API "
                + "FastConfig path through ctypes.",
        ] + (peer.map { p in
            ["lleaves compile time \(Format.number(p.compileSeconds)) s (median); largest |p − LightGBM predict|: "
                + p.agreement.keys.sorted().map { "\($0) \(String(format: "%.1e", p.agreement[$0]!))" }.joined(separator: ", ") + "."]
        } ?? [])
        return result
    }

    /// Our batch figure (the blocked layout) against the plain walk of the same model on the
    /// same rows, after checking that both give the same probabilities bit for bit.
    static func blockedAgainstWalk(_ model: GBDTModel, _ x: FeatureMatrix<Float>, threads: Int, repeats: Int,
                                   ours: MeasuredSide) -> Figure {
        let blocked = model.predictProbabilities(x, threads: threads), walked = model.predictProbabilitiesByWalk(x, threads: threads)
        precondition(blocked.map(\.bitPattern) == walked.map(\.bitPattern), "the blocked layout and the walk disagree")
        let walk = Stopwatch.measure("plain walk", repeats: repeats) {
            _ = model.predictProbabilitiesByWalk(x, threads: threads)
        }.converted { $0.reciprocal(times: Double(x.rowCount)) }
        return Figure(label: "batch \(Format.count(x.rowCount)), blocked vs plain walk", threads: "\(threads)",
                      unit: "rows/s", better: .higher, ours: ours, peer: walk)
    }

    /// p50 and p99 latency (µs) of `calls` single-row predictions, per repeat.
    static func singleRowLatency(_ model: GBDTModel, _ x: FeatureMatrix<Float>, calls: Int,
                                 repeats: Int) -> (p50: MeasuredSide, p99: MeasuredSide) {
        let n = x.rowCount, d = x.columnCount
        var rows = [Float](repeating: 0, count: n * d)
        for r in 0..<n { for c in 0..<d { rows[r * d + c] = x[row: r, column: c] } }
        var p50: [Double] = [], p99: [Double] = [], out = [Float](repeating: 0, count: model.classCount)
        var nanoseconds = [Double](repeating: 0, count: calls)
        let before = MachineInfo.loadAverage()
        rows.withUnsafeBufferPointer { all in
            out.withUnsafeMutableBufferPointer { out in
                func call(_ i: Int) {
                    model.predictProbabilities(row: UnsafeBufferPointer(rebasing: all[((i % n) * d)..<((i % n) * d + d)]),
                                               into: out)
                }
                for i in 0..<warmUpCalls { call(i) }
                for _ in 0..<repeats {
                    for i in 0..<calls {
                        let start = Stopwatch.now()
                        call(i)
                        nanoseconds[i] = Double(Stopwatch.now() - start)
                    }
                    let sorted = nanoseconds.sorted()
                    p50.append(Summary.quantile(sorted, 0.5) / 1e3)
                    p99.append(Summary.quantile(sorted, 0.99) / 1e3)
                }
            }
        }
        let after = MachineInfo.loadAverage(), name = "AccidentML \(accidentMLVersion)"
        return (MeasuredSide(name: name, summary: Summary(p50), loadBefore: before, loadAfter: after),
                MeasuredSide(name: name, summary: Summary(p99), loadBefore: before, loadAfter: after))
    }

    /// The peers' figures gathered over `repeats` runs of `inference_peer.py`, or nil without peers.
    private static func runPeers(_ run: BenchRun, data: Dataset, hyper: GBDTHyper) throws(BenchError) -> PeerInference? {
        guard let peers = run.peers else { return nil }
        let s = run.settings
        let modelFile: URL
        if let saved = run.lightGBMModel {
            modelFile = saved
        } else {
            modelFile = run.workspace.appendingPathComponent("lightgbm-\(data.name).txt")
            let command = peers.gbdt(library: "lightgbm", data: data, hyper: hyper, threads: s.threads[0], repeats: 1,
                                     saveModel: modelFile)
            _ = try run.runPeer(command, as: GBDTRunOutput.self) { _ in nil }
            run.lightGBMModel = modelFile
        }
        var outputs: [InferencePeerOutput] = []
        for _ in 0..<s.repeats {
            let command = peers.inference(model: modelFile, features: data.features, batches: batches, threads: s.threads,
                                          repeats: 1, singleCalls: s.singleRowCalls)
            outputs.append(try run.runPeer(command, as: InferencePeerOutput.self) { $0.context })
        }
        return PeerInference(outputs)
    }
}

/// One single-row path of the inference peer over its runs.
struct PeerLatency {
    let path: String
    let p50: MeasuredSide
    let p99: MeasuredSide
}

/// The inference peer's runs merged: each run gives one sample per figure.
struct PeerInference {
    let runs: [InferencePeerOutput]

    init(_ runs: [InferencePeerOutput]) {
        precondition(!runs.isEmpty, "at least one run of the inference peer")
        self.runs = runs
    }

    var loadBefore: LoadAverage { runs.first!.context.loadavgBefore }
    var loadAfter: LoadAverage { runs.last!.context.loadavgAfter }
    var compileSeconds: Double { Summary(runs.map(\.lleavesCompileSeconds)).median }
    /// The largest disagreement with LightGBM's predict per path over the runs.
    var agreement: [String: Double] {
        runs.reduce(into: [:]) { all, run in all.merge(run.maxAbsDifferenceVsLightgbmPredict) { max($0, $1) } }
    }

    /// Rows per second of one library, batch size and thread count.
    func batch(library: String, size: Int, threads: Int) -> MeasuredSide? {
        let seconds = runs.flatMap { run in
            run.batchResults.filter { $0.library == library && $0.batch == size && $0.threads == threads }.flatMap(\.seconds)
        }
        guard !seconds.isEmpty else { return nil }
        let versions = runs[0].context.versions
        let name = library == "lleaves" ? "lleaves \(versions["lleaves"] ?? "")" : "LightGBM \(versions["lightgbm"] ?? "")"
        return MeasuredSide(name: name, summary: Summary(seconds).reciprocal(times: Double(size)),
                           loadBefore: loadBefore, loadAfter: loadAfter)
    }

    /// Every single-row path, in the peer's order.
    var latencies: [PeerLatency] {
        runs[0].singleRowResults.map(\.path).map { path in
            let results = runs.flatMap { $0.singleRowResults.filter { $0.path == path } }
            func measurement(_ values: [Double]) -> MeasuredSide {
                MeasuredSide(name: path, summary: Summary(values), loadBefore: loadBefore, loadAfter: loadAfter)
            }
            return PeerLatency(path: path, p50: measurement(results.map(\.p50Us)), p99: measurement(results.map(\.p99Us)))
        }
    }
}
