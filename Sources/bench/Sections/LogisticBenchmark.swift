import AccidentML
import Foundation

/// Section 3: L2 logistic regression training, `LogisticRegression` (L-BFGS on OpenBLAS)
/// against scikit-learn's lbfgs, same C, tolerance and iteration cap, standardised features.
enum LogisticBenchmark {
    /// scikit-learn's defaults, which ours shares.
    static let c = 1.0, tolerance = 1e-4, maxIterations = 1000

    static func run(_ run: BenchRun) throws(BenchError) -> SectionResult {
        var result = SectionResult(section: .logistic, title: "Logistic regression training (seconds)")
        var accuracy = TextTable(title: "Optimum and held-out accuracy (\(run.settings.threads[0]) thread)",
                                 header: ["Data", "Library", "Iterations", "Train objective", "Test log-loss",
                                          "Δ log-loss vs ours", "Test AUC"], rows: [])
        var datasets = try [run.realData()].compactMap { $0 }
        datasets.append(try run.syntheticLinear())
        for data in datasets {
            try measure(data, run, into: &result, accuracy: &accuracy)
        }
        result.tables.append(accuracy)
        result.notes = [
            "C = \(c), tolerance \(tolerance) on the largest gradient component of the mean objective "
                + "(scikit-learn's `tol`), at most \(maxIterations) iterations, intercept not penalised.",
            "Features standardised with the training rows' mean and population standard deviation (constant columns "
                + "keep scale 1) on both sides; the timed region is the fit only, no warm-up fit on either side.",
            "Ours trains on Float features (BLAS in Float, loss and gradient sums in Double); scikit-learn on float64.",
            "Train objective = mean log-loss + ‖w‖² / (2 C n), what both minimise; Δ log-loss is the peer's test "
                + "log-loss minus ours.",
            "The one-hot synthetic set is capped at \(Format.count(BenchRun.linearRows)) rows.",
        ] + datasets.map { "\($0.name): \($0.detail)." }
        return result
    }

    private static func measure(_ data: Dataset, _ run: BenchRun, into result: inout SectionResult,
                                accuracy: inout TextTable) throws(BenchError) {
        let s = run.settings
        let standardizer = Standardizer(fittedOn: data.train.features)
        var train = data.train, test = data.test
        train.features = standardizer.apply(train.features)
        test.features = standardizer.apply(test.features)
        for (i, threads) in s.threads.enumerated() {
            Progress.say("logistic: \(data.name), AccidentML, \(threads) thread(s), \(s.repeats) repeats")
            let trainer = LogisticRegression(c: c, tolerance: tolerance, maxIterations: maxIterations, threads: threads)
            var fit: LogisticFit?
            let ours = try Stopwatch.measure("AccidentML LogisticRegression", repeats: s.repeats, warmUp: false) {
                () throws(BenchError) in
                do throws(LogisticRegressionError) { fit = try trainer.fit(train) } catch {
                    throw .library(section: "logistic", detail: "training on \(data.name) failed: \(error.description)")
                }
            }
            var peer: MeasuredSide?
            var peerOutput: LogisticPeerOutput?
            if let peers = run.peers {
                let command = peers.logistic(data: data, c: c, tolerance: tolerance, maxIterations: maxIterations,
                                             threads: threads, repeats: s.repeats)
                let out = try run.runPeer(command, as: LogisticPeerOutput.self) { $0.context }
                peer = MeasuredSide(name: "scikit-learn \(out.context.versions["scikit-learn"] ?? "") lbfgs",
                                   seconds: out.fit.seconds, context: out.context)
                peerOutput = out
            }
            result.figures.append(Figure(label: "fit, \(data.name) (\(Format.count(train.features.rowCount)) × "
                                         + "\(train.features.columnCount))",
                                         threads: "\(threads)", unit: "s", better: .lower, ours: ours, peer: peer))
            guard i == 0, let fit else { continue }
            let probabilities = fit.model.predictProbabilities(test.features, threads: threads)
            let oursLoss = LogLoss().evaluate(probabilities: probabilities, labels: test.labels, classCount: 2)
            let oursAUC = ROCAUC().evaluate(probabilities: probabilities, labels: test.labels, classCount: 2)
            accuracy.rows.append([data.name, "AccidentML", "\(fit.iterations)", Format.metric(fit.objective, decimals: 6),
                                  Format.metric(oursLoss, decimals: 5), "", Format.metric(oursAUC, decimals: 5)])
            if let p = peerOutput {
                accuracy.rows.append([data.name, "scikit-learn", "\(p.iterations)\(p.converged ? "" : " (not converged)")",
                                      Format.metric(p.trainObjectiveMean, decimals: 6), Format.metric(p.testLogLoss, decimals: 5),
                                      Format.signed(p.testLogLoss - oursLoss), Format.metric(p.testAuc, decimals: 5)])
            }
        }
    }
}
