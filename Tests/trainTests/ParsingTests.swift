import AccidentML
import ArgumentParser
import Foundation
import Testing
@testable import train

/// Command lines parse into the commands and plans they describe.
@Suite struct ParsingTests {
    @Test func noArgumentsRunsTheDefaultJob() throws {
        #expect(try TrainCommand.parseAsRoot([]) is DefaultCommand)
        let quiet = try #require(try TrainCommand.parseAsRoot(["--quiet"]) as? DefaultCommand)
        #expect(quiet.options.verbosity == .quiet)
        #expect(quiet.output == "runs/default")
    }

    @Test func fitFlagsBecomeAPlan() throws {
        let fit = try #require(try TrainCommand.parseAsRoot([
            "fit", "--baac", "a", "--baac", "b", "--skip-bad-rows", "--unit", "person", "--model", "logistic",
            "--C", "0.5", "--max-iter", "50",
            "--folds", "4", "--metric", "logloss", "--seed", "7", "--threads", "3", "--output", "runs/x",
        ]) as? FitCommand)
        let console = Console(out: TextOutput(), err: TextOutput(), currentDirectory: URL(fileURLWithPath: "/data"),
                              executableURL: nil)
        #expect(try fit.data.source(in: console)
                == .baac(folders: [URL(fileURLWithPath: "/data/a"), URL(fileURLWithPath: "/data/b")], skipBadRows: true))
        #expect(fit.model.unit == .person)
        guard case .logistic(let trainer) = fit.model.trainer(threads: fit.options.threads, seed: 7, metric: .logloss,
                                                              earlyStopping: nil, plan: fit.validation.plan) else {
            Issue.record("expected a logistic trainer"); return
        }
        #expect(trainer.c == 0.5 && trainer.maxIterations == 50 && trainer.threads == 3)
        #expect(fit.validation.plan == .folds(4))
        #expect(fit.validation.metric == .logloss && fit.validation.seed == 7)
        #expect(fit.output == "runs/x")
    }

    @Test func treeFlagsBecomeGBDTParameters() throws {
        let fit = try #require(try TrainCommand.parseAsRoot([
            "fit", "--baac", "d", "--trees", "50", "--learning-rate", "0.05", "--num-leaves", "15", "--max-depth", "6",
            "--min-data-in-leaf", "5", "--lambda", "1.5", "--bagging-fraction", "0.8", "--feature-fraction", "0.7",
            "--early-stopping", "10", "--metric", "logloss", "--seed", "3", "--threads", "2",
        ]) as? FitCommand)
        let trainer = fit.model.trainer(threads: fit.options.threads, seed: fit.validation.seed, metric: fit.validation.metric,
                                        earlyStopping: fit.validation.earlyStopping, plan: fit.validation.plan)
        guard case let .gbdt(p, metric) = trainer else { Issue.record("expected trees"); return }
        #expect(p.rounds == 50 && p.learningRate == 0.05 && p.numLeaves == 15 && p.maxDepth == 6 && p.minDataInLeaf == 5)
        #expect(p.lambda == 1.5 && p.baggingFraction == 0.8 && p.featureFraction == 0.7)
        #expect(p.earlyStoppingPatience == 10 && p.seed == 3 && p.threads == 2 && metric == .logloss)
        #expect(trainer.family == .trees && trainer.hyperparameters["max_depth"] == "6")
    }

    @Test func fitDefaults() throws {
        let fit = try #require(try TrainCommand.parseAsRoot(["fit", "--features", "X.csv", "--labels", "y.csv"]) as? FitCommand)
        #expect(fit.validation.plan == .holdOut(fraction: 0.2))
        #expect(fit.model.unit == .accident && fit.model.model == .gbdt)
        guard case let .gbdt(p, _) = fit.model.trainer(threads: 1, seed: 42, metric: .auc, earlyStopping: nil,
                                                              plan: fit.validation.plan) else {
            Issue.record("expected trees"); return
        }
        #expect(p.rounds == 300 && p.earlyStoppingPatience == 30 && p.learningRate == 0.1 && p.numLeaves == 31)
        // Without validation rows nothing stops the rounds early: LightGBM's 100 fixed rounds.
        let all = try #require(try TrainCommand.parseAsRoot(["fit", "--features", "X.csv", "--labels", "y.csv",
                                                            "--validation-fraction", "0"]) as? FitCommand)
        guard case let .gbdt(q, _) = all.job.trainer else { Issue.record("expected trees"); return }
        #expect(q.rounds == GBDTParameters().rounds && q.rounds == 100 && q.earlyStoppingPatience == 0)
        #expect(fit.options.verbosity == .normal)
        #expect(fit.options.threads == ProcessInfo.processInfo.activeProcessorCount)
    }

    /// The tool's defaults are the core's: what `fit` trains with and what `--help` says.
    @Test func defaultsAndHelpComeFromTheCore() throws {
        let fit = try #require(try TrainCommand.parseAsRoot(["fit", "--baac", "d", "--model", "logistic"]) as? FitCommand)
        guard case .logistic(let t) = fit.model.trainer(threads: 1, seed: 42, metric: .auc, earlyStopping: nil,
                                                              plan: fit.validation.plan) else {
            Issue.record("expected a logistic trainer"); return
        }
        #expect(t.maxIterations == LogisticRegression().maxIterations && t.c == LogisticRegression().c)
        let help = FitCommand.helpMessage(columns: 400).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("most L-BFGS iterations (default \(LogisticRegression().maxIterations))"), "\(help)")
        #expect(help.contains("most boosting rounds (default \(ModelTrainer.defaultTrees.rounds); "
                              + "\(GBDTParameters().rounds) with --validation-fraction 0"), "\(help)")
        #expect(help.contains("most leaves per tree (default \(GBDTParameters().numLeaves))"))
    }

    @Test func otherCommandsParse() throws {
        let predict = try #require(try TrainCommand.parseAsRoot(["predict", "--model", "m.aml", "--features", "X.csv"]) as? PredictCommand)
        #expect(predict.output == "predictions.csv" && predict.model == "m.aml")
        let inspect = try #require(try TrainCommand.parseAsRoot(["inspect", "m.aml", "--json"]) as? InspectCommand)
        #expect(inspect.json && inspect.model == "m.aml")
        let generate = try #require(try TrainCommand.parseAsRoot(["generate", "--output", "g", "--layout", "2005", "--year", "2012"])
            as? GenerateCommand)
        #expect(generate.layout == .y2005 && generate.year == 2012 && generate.accidents == SyntheticBAAC.defaultSampleCount)
        #expect(try TrainCommand.parseAsRoot(["evaluate", "--model", "m.aml", "--baac", "d"]) is EvaluateCommand)
    }

    /// Every bad combination is rejected while parsing, before any work.
    @Test(arguments: [
        (["fit", "--baac", "d", "--features", "X.csv"], "two data sources"),
        (["fit", "--features", "X.csv"], "--labels"),
        (["fit", "--labels", "y.csv"], "--features"),
        (["fit"], "no data given"),
        (["fit", "--features", "X.csv", "--labels", "y.csv", "--skip-bad-rows"], "--skip-bad-rows"),
        (["fit", "--baac", "d", "--folds", "3", "--validation-fraction", "0.3"], "give one of them"),
        (["fit", "--baac", "d", "--validation-fraction", "1"], "between 0 and 1"),
        (["fit", "--baac", "d", "--folds", "1"], "at least 2"),
        (["fit", "--baac", "d", "--model", "logistic", "--C", "0"], "--C"),
        (["fit", "--baac", "d", "--model", "logistic", "--max-iter", "-1"], "--max-iter"),
        (["fit", "--baac", "d", "--C", "2"], "--C is a logistic hyperparameter"),
        (["fit", "--baac", "d", "--model", "logistic", "--trees", "9"], "--trees is a gbdt hyperparameter"),
        (["fit", "--baac", "d", "--model", "logistic", "--early-stopping", "9"], "--early-stopping applies to --model gbdt"),
        (["fit", "--baac", "d", "--num-leaves", "1"], "--num-leaves"),
        (["fit", "--baac", "d", "--learning-rate", "0"], "--learning-rate"),
        (["fit", "--baac", "d", "--bagging-fraction", "1.5"], "--bagging-fraction"),
        (["fit", "--baac", "d", "--early-stopping", "-1"], "--early-stopping"),
        (["fit", "--baac", "d", "--threads", "0"], "--threads"),
        (["fit", "--baac", "d", "--quiet", "--verbose"], "contradict"),
        (["fit", "--baac", "d", "--model", "forest"], "forest"),
        (["fit", "--baac", "d", "--unit", "vehicle"], "vehicle"),
        (["predict", "--model", "m.aml", "--features", "X.csv", "--labels", "y.csv"], "does not read labels"),
        (["predict", "--features", "X.csv"], "--model"),
        (["generate", "--output", "g", "--accidents", "0"], "--accidents"),
        (["generate", "--output", "g", "--year", "1999"], "--year"),
        (["generate", "--output", "g", "--layout", "2010"], "2010"),
        (["inspect"], "model"),
        (["fitt"], "fitt"),
    ])
    func badFlagsAreUsageErrors(arguments: [String], mentions: String) throws {
        let sandbox = try CLISandbox()
        let result = sandbox.run(arguments)
        #expect(result.status == 64)
        #expect(result.errorLines.count == 1, "\(result.err)")
        #expect(result.err.hasPrefix("train: error: ") && result.err.contains(mentions), "\(result.err)")
        #expect(result.err.contains("--help"))
        #expect(result.out.isEmpty)
        #expect(try sandbox.listing().isEmpty, "nothing written")
    }

    @Test func helpAndVersionGoToStdout() throws {
        let sandbox = try CLISandbox()
        let help = sandbox.run(["--help"])
        #expect(help.status == 0 && help.err.isEmpty)
        #expect(help.out.contains("SUBCOMMANDS") && help.out.contains("Exit status"))
        let fitHelp = sandbox.run(["fit", "--help"])
        #expect(fitHelp.status == 0 && fitHelp.out.contains("--validation-fraction"))
        let version = sandbox.run(["--version"])
        #expect(version.status == 0 && version.out.trimmingCharacters(in: .whitespacesAndNewlines) == accidentMLVersion)
    }
}
