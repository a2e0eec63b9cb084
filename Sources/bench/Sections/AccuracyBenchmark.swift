import AccidentML
import Foundation

/// Section `accuracy` (issue 15 item 3): held-out AUC and log-loss of our GBDT against LightGBM
/// and XGBoost trained with their own defaults, on the real accident set: a stratified 30 %
/// hold-out (the GBDT section's split) and a stratified 5-fold cross-validation, every side on
/// the same index files. Accuracy only: nothing is timed, so ours trains in this process.
enum AccuracyBenchmark {
    /// Folds of the cross-validation.
    static let folds = 5
    /// The code columns the `lightgbm-categorical` peer declares categorical.
    static let categoricalColumns = ["dep", "catv", "obsm"]

    /// The peer models of `accuracy_peer.py`: its `--models` name and the table's name.
    static let peerModels = [("lightgbm", "LightGBM defaults"),
                             ("lightgbm-categorical", "LightGBM defaults, dep/catv/obsm categorical"),
                             ("xgboost", "XGBoost defaults")]

    /// Our parameter set: what `train fit --validation-fraction 0` trains on every row
    /// (`ModelTrainer.defaultTrees(for: .allRows)`), which is LightGBM's own defaults
    /// (100 fixed rounds), so that the LightGBM peer is compared like for like.
    static func ourModels(seed: UInt64, threads: Int) -> [(name: String, parameters: GBDTParameters)] {
        var p = ModelTrainer.defaultTrees(for: .allRows)
        p.seed = seed
        p.threads = threads
        return [("AccidentML, train fit --validation-fraction 0 defaults (\(p.rounds) rounds)", p)]
    }

    /// One model's test scores on every split, by split name.
    struct ModelScores: Sendable {
        /// The name in the tables.
        let name: String
        /// Whether the model is ours (the Δ table compares ours with each peer).
        let isOurs: Bool
        /// Test AUC by split name.
        var auc: [String: Double] = [:]
        /// Test log-loss by split name.
        var logLoss: [String: Double] = [:]
        /// Trees (rounds) of the hold-out model.
        var trees = 0
        /// Positive-class probabilities of the hold-out's test rows, for the paired bootstrap.
        var holdoutProbabilities: [Float]?

        /// The mean of `values` over the folds of `splits`.
        func foldMean(_ values: [String: Double], _ splits: [AccuracySplit]) -> Double {
            let folds = splits.filter(\.isFold)
            return folds.map { values[$0.name] ?? .nan }.reduce(0, +) / Double(folds.count)
        }
    }

    /// Trains ours on every split, runs the peer once over all of them, and tabulates AUC, Δ AUC and log-loss.
    static func run(_ run: BenchRun) throws(BenchError) -> SectionResult {
        var result = SectionResult(section: .accuracy, title: "Accuracy against LightGBM and XGBoost defaults")
        result.showsFigureTable = false
        guard let data = try run.realData() else {
            result.notes = ["Skipped: the real data set (baac2021/X_train.csv and y_train.csv under --shared-data) is missing."]
            return result
        }
        let seed = run.settings.seed, threads = run.settings.threads[0]
        let splits = try AccuracySplit.all(of: data, folds: folds, seed: seed,
                                           in: run.workspace.appendingPathComponent("accuracy"))
        var models: [ModelScores] = []
        for (name, parameters) in ourModels(seed: seed, threads: threads) {
            var scores = ModelScores(name: name, isOurs: true)
            for split in splits {
                Progress.say("accuracy: \(name), \(split.name)")
                try trainOurs(parameters, data: data, split: split, into: &scores)
            }
            models.append(scores)
        }
        if let peers = run.peers {
            let command = peers.accuracy(data: data, splits: splits, categorical: categoricalColumns,
                                         probabilitiesOf: AccuracySplit.holdoutName, threads: threads, seed: seed)
            let out = try run.runPeer(command, as: AccuracyPeerOutput.self) { $0.context }
            models += try peerScores(out)
            result.notes.append("Peers' load average: \(Format.load(out.context.loadavgBefore)) before, "
                                + "\(Format.load(out.context.loadavgAfter)) after.")
        }
        let holdoutLabels = splits.first { !$0.isFold }.map { $0.testIndices.map { data.data.labels[$0] } } ?? []
        result.tables = [table("Test AUC", models, splits, \.auc), deltaTable(models, splits, holdoutLabels: holdoutLabels, seed: seed),
                         table("Test log-loss", models, splits, \.logLoss)]
        result.notes += [
            "Data: \(data.detail). Hold-out: the stratified 30 % of the GBDT section (seed \(seed)), trained on the other "
                + "70 %; 5-fold: `StratifiedSampling.folds` (seed \(seed), what `train fit --folds 5` deals), each fold "
                + "scored by a model trained on the other four. Every side reads the same index files.",
            "Ours: `train fit --validation-fraction 0` defaults (`ModelTrainer.defaultTrees(for: .allRows)`), which are "
                + "LightGBM's (`GBDTParameters()`: 100 rounds, learning rate 0.1, 31 leaves, 20 rows and 1e-3 hessian per "
                + "leaf, 255 bins, L2 0).",
            "Hold-out interval: a paired bootstrap of the hold-out's test rows (\(bootstrapDraws) draws with replacement, "
                + "seed \(seed); `PairedBootstrap`), both models' AUC on each same draw; an interval that holds 0 is a tie "
                + "at this hold-out's size.",
            "Peers (`scripts/peers/accuracy_peer.py`): `LGBMClassifier()` and `XGBClassifier()` with their own "
                + "defaults (XGBoost: 100 rounds, eta 0.3, depth 6, lambda 1); the categorical LightGBM declares "
                + categoricalColumns.joined(separator: ", ") + " categorical.",
        ]
        return result
    }

    /// Trains `parameters` on the split's training rows and scores its test rows.
    private static func trainOurs(_ parameters: GBDTParameters, data: Dataset, split: AccuracySplit,
                                  into scores: inout ModelScores) throws(BenchError) {
        let train = data.data.selecting(rows: split.trainIndices), test = data.data.selecting(rows: split.testIndices)
        let model: GBDTModel
        do { model = try GBDTTrainer(parameters: parameters).train(train) } catch {
            throw .library(section: "accuracy", detail: "training on \(split.name) failed: \(error.description)")
        }
        let p = model.predictProbabilities(test.features, threads: parameters.threads)
        scores.auc[split.name] = ROCAUC().evaluate(probabilities: p, labels: test.labels, classCount: 2)
        scores.logLoss[split.name] = LogLoss().evaluate(probabilities: p, labels: test.labels, classCount: 2)
        if !split.isFold {
            scores.trees = model.roundCount
            scores.holdoutProbabilities = stride(from: 1, to: p.count, by: 2).map { p[$0] }
        }
    }

    /// The peers' scores, one `ModelScores` per peer model, named with the library's version.
    private static func peerScores(_ out: AccuracyPeerOutput) throws(BenchError) -> [ModelScores] {
        try peerModels.map { key, display throws(BenchError) in
            let library = key.hasPrefix("lightgbm") ? "lightgbm" : "xgboost-cpu"
            var scores = ModelScores(name: "\(display) (\(library) \(out.context.versions[library] ?? "?"))", isOurs: false)
            for split in out.splits {
                guard let r = split.results.first(where: { $0.model == key }) else {
                    throw .badOutput(command: "accuracy_peer.py", detail: "no '\(key)' result for split \(split.name)")
                }
                scores.auc[split.name] = r.auc
                scores.logLoss[split.name] = r.logLoss
                if split.name == AccuracySplit.holdoutName {
                    scores.trees = r.trees
                    scores.holdoutProbabilities = r.testProbabilities
                }
            }
            return scores
        }
    }

    /// One metric of every model on every split, with the 5-fold mean.
    private static func table(_ title: String, _ models: [ModelScores], _ splits: [AccuracySplit],
                              _ metric: KeyPath<ModelScores, [String: Double]>) -> TextTable {
        TextTable(title: title, header: ["Model", "Trees"] + splits.map(\.name) + ["5-fold mean"], rows: models.map { m in
            [m.name, "\(m.trees)"] + splits.map { Format.metric(m[keyPath: metric][$0.name] ?? .nan, decimals: 5) }
                + [Format.metric(m.foldMean(m[keyPath: metric], splits), decimals: 5)]
        })
    }

    /// Ours minus each peer: AUC on the hold-out, mean AUC over the folds, folds where ours is at least as good.
    /// Draws of the hold-out's paired bootstrap.
    static let bootstrapDraws = 1000

    /// Ours − each peer: hold-out Δ AUC with its paired-bootstrap 95 % interval (when both
    /// sides' hold-out probabilities are known), the 5-fold mean Δ and the folds ours wins.
    static func deltaTable(_ models: [ModelScores], _ splits: [AccuracySplit], holdoutLabels: [Int32],
                           seed: UInt64) -> TextTable {
        let folds = splits.filter(\.isFold)
        var rows: [[String]] = []
        for ours in models where ours.isOurs {
            for peer in models where !peer.isOurs {
                let holdout = (ours.auc[AccuracySplit.holdoutName] ?? .nan) - (peer.auc[AccuracySplit.holdoutName] ?? .nan)
                let mean = ours.foldMean(ours.auc, splits) - peer.foldMean(peer.auc, splits)
                let wins = folds.filter { (ours.auc[$0.name] ?? .nan) >= (peer.auc[$0.name] ?? .nan) }.count
                var interval = "—"
                if let a = ours.holdoutProbabilities, let b = peer.holdoutProbabilities, a.count == holdoutLabels.count,
                   b.count == a.count, !a.isEmpty {
                    let boot = PairedBootstrap(labels: holdoutLabels, a: a, b: b, draws: bootstrapDraws, seed: seed)
                    interval = "[\(Format.signed(boot.low)), \(Format.signed(boot.high))] "
                        + (boot.isTie ? "tie" : boot.low > 0 ? "ours better" : "peer better")
                }
                rows.append([ours.name, peer.name, Format.signed(holdout), interval, Format.signed(mean),
                             "\(wins)/\(folds.count)"])
            }
        }
        return TextTable(title: "Δ AUC, ours − peer (≥ 0: ours at least as good)",
                         header: ["Ours", "Peer", "Hold-out", "Hold-out 95 % interval (paired bootstrap, \(bootstrapDraws) draws)",
                                  "5-fold mean", "Folds ours ≥ peer"], rows: rows)
    }
}
