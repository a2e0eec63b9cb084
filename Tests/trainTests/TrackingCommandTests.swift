import AccidentML
import AccidentRegistry
import AccidentTestSupport
import Foundation
import Testing
@testable import train

/// `train fit --tracking-uri` against the real MLflow server: the run, its params, metrics per
/// round, the four artifacts, registration, promotion, `models:/` references, and failures.
@Suite(.requiresMLflow) struct TrackingCommandTests {
    /// The environment of the sandboxed runs: the test server as MLFLOW_TRACKING_URI, a private model cache.
    static func environment(_ s: CLISandbox, uri: String) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["MLFLOW_TRACKING_URI"] = uri
        env["ACCIDENTML_MODEL_CACHE"] = s.url("cache").path
        return env
    }

    static func unique(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())" }

    @Test func fitLogsTheRunAndRegisterCreatesVersionOne() async throws {
        let uri = try TestEnvironment.requireMLflowURI()
        let s = try CLISandbox()
        let (experiment, name) = (Self.unique("fit"), Self.unique("severity"))
        #expect(s.run(["generate", "--accidents", "900", "--seed", "4", "--output", "gen", "-q"]).status == 0)
        let fit = await s.runOnOwnThread(["fit", "--baac", "gen", "--trees", "30", "--output", "run", "--threads", "1",
                                          "--tracking-uri", uri, "--experiment", experiment, "--register", name])
        #expect(fit.status == 0, "\(fit.err)")
        #expect(fit.out.contains("tracked") && fit.out.contains("models:/\(name)/1"))
        #expect(try s.listing("run") == ["metrics.json", "mlflow.json", "model.aml", "report.html"])
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: s.url("run/mlflow.json"))) as? [String: Any]
        let runID = try #require(record?["run_id"] as? String)
        #expect(record?["tracking_uri"] as? String == uri && record?["registered_model"] as? String == name
                && record?["version"] as? String == "1" && (record?["experiment_id"] as? String)?.isEmpty == false)

        let client = try MLflowClient(trackingURI: uri)
        let model = try AccidentModel.load(from: s.url("run/model.aml"))
        let report = try TrainingReport.decoded(from: Data(contentsOf: s.url("run/metrics.json")))
        let run = try await client.run(runID)
        #expect(run.info.status == .finished && run.info.experimentID == record?["experiment_id"] as? String)
        let params = Dictionary(uniqueKeysWithValues: run.data.params.map { ($0.key, $0.value) })
        #expect(params["trees"] == "30" && params["seed"] == model.metadata.hyperparameters["seed"])
        #expect(params["data_fingerprint"] == model.metadata.dataFingerprint && params["data_source"] == model.metadata.dataSource)
        #expect(params["accidentml_version"] == accidentMLVersion && params["model_checksum"] == model.fileChecksum)
        let tags = Dictionary(uniqueKeysWithValues: run.data.tags.map { ($0.key, $0.value) })
        #expect(tags["unit"] == "accident" && tags["kind"] == "gbdt")
        let metrics = Dictionary(uniqueKeysWithValues: run.data.metrics.map { ($0.key, $0.value) })
        #expect(metrics["validation_auc"] == model.metadata.metrics["validation_auc"])
        let curve = try #require(report.learningCurves.first { $0.metric == "auc" })
        let history = try await client.metricHistory(runID: runID, key: "curve/validation_auc")
        #expect(history.map(\.step) == curve.rounds.map(Int64.init) && history.map(\.value) == curve.validation)

        let artifacts = try await client.listArtifacts(runID: runID).map(\.path).sorted()
        #expect(artifacts == ["MLmodel", "metrics.json", "model.aml", "report.html"])
        let downloaded = try await client.downloadArtifact(from: run.info.artifactURI, path: "model.aml")
        #expect(downloaded == Array(try Data(contentsOf: s.url("run/model.aml"))))
        let mlmodel = String(decoding: try await client.downloadArtifact(from: run.info.artifactURI, path: "MLmodel"), as: UTF8.self)
        #expect(mlmodel.contains("  accidentml:\n    model_file: model.aml") && mlmodel.contains("run_id: '\(runID)'"))
        #expect(mlmodel.contains(#"{"name":"lum","required":false,"type":"long"}"#), "the signature lists the model's fields")
        let version = try await client.modelVersion(name: name, version: "1")
        #expect(version.runID == runID && version.tag(ModelResolver.checksumTag) == model.fileChecksum)
    }

    @Test func promoteDownloadAndReferencesFollowTheAlias() async throws {
        let uri = try TestEnvironment.requireMLflowURI()
        let s = try CLISandbox()
        let env = Self.environment(s, uri: uri)
        let name = Self.unique("severity")
        #expect(s.run(["generate", "--accidents", "900", "--seed", "5", "--output", "gen", "-q"]).status == 0)
        for (output, trees) in [("a", "20"), ("b", "25")] {
            let fit = await s.runOnOwnThread(["fit", "--baac", "gen", "--trees", trees, "--output", output, "--threads", "1", "-q",
                                              "--experiment", Self.unique("exp"), "--register", name], environment: env)
            #expect(fit.status == 0, "\(fit.err)")
        }
        var r = await s.runOnOwnThread(["registry", "promote", name, "--version", "1", "--alias", "champion"], environment: env)
        #expect(r.status == 0 && r.out.contains("→ version 1 (new alias)"), "\(r.err)")
        r = await s.runOnOwnThread(["registry", "show", "\(name)@champion", "--json"], environment: env)
        var shown = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        #expect(r.status == 0 && shown?["version"] as? String == "1" && shown?["aliases"] as? [String] == ["champion"])
        #expect((shown?["metrics"] as? [String: Double])?["validation_auc"] != nil && shown?["run_id"] as? String != nil)

        r = await s.runOnOwnThread(["registry", "promote", name, "--version", "2", "--alias", "champion"], environment: env)
        #expect(r.status == 0 && r.out.contains("(was version 1)"))
        r = await s.runOnOwnThread(["registry", "download", "\(name)@champion", "--output", "champion.aml"], environment: env)
        #expect(r.status == 0, "\(r.err)")
        #expect(try Data(contentsOf: s.url("champion.aml")) == Data(contentsOf: s.url("b/model.aml")))
        r = await s.runOnOwnThread(["registry", "list", name, "--json"], environment: env)
        let listed = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]]
        #expect(listed?.map { $0["version"] as? String } == ["1", "2"] && listed?.map { $0["aliases"] as? [String] } == [[], ["champion"]])

        // models:/ references work where a model file does, and predict what the file predicts.
        r = await s.runOnOwnThread(["inspect", "models:/\(name)@champion", "--json"], environment: env)
        shown = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        let champion = try AccidentModel.load(from: s.url("b/model.aml"))
        #expect(r.status == 0 && shown?["checksum"] as? String == champion.fileChecksum)
        #expect(await s.runOnOwnThread(["predict", "--model", "models:/\(name)/1", "--baac", "gen", "--output", "ref.csv", "-q"],
                                       environment: env).status == 0)
        #expect(s.run(["predict", "--model", "a/model.aml", "--baac", "gen", "--output", "file.csv", "-q"]).status == 0)
        #expect(try s.text("ref.csv") == s.text("file.csv"))

        // Missing versions and aliases: exit 66, one line.
        for args in [["registry", "show", "\(name)@nope"], ["registry", "show", "\(name)/7"],
                     ["registry", "promote", name, "--version", "9"], ["inspect", "models:/\(name)@nope"]] {
            let missing = await s.runOnOwnThread(args, environment: env)
            #expect(missing.status == 66 && missing.errorLines.count == 1, "\(args): \(missing.status) \(missing.err)")
        }
    }

    @Test func evaluateLogsItsMetricsToARun() async throws {
        let uri = try TestEnvironment.requireMLflowURI()
        let s = try CLISandbox()
        let env = Self.environment(s, uri: uri)
        #expect(s.run(["generate", "--accidents", "700", "--seed", "8", "--output", "gen", "-q"]).status == 0)
        #expect(await s.runOnOwnThread(["fit", "--baac", "gen", "--trees", "10", "--output", "run", "-q"], environment: env).status == 0)
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: s.url("run/mlflow.json"))) as? [String: Any]
        let runID = try #require(record?["run_id"] as? String)
        let r = await s.runOnOwnThread(["evaluate", "--model", "run/model.aml", "--baac", "gen", "--output", "eval", "-q",
                                        "--run-id", runID, "--metric-prefix", "holdout_"], environment: env)
        #expect(r.status == 0, "\(r.err)")
        let report = try TrainingReport.decoded(from: Data(contentsOf: s.url("eval/metrics.json")))
        let metrics = try await MLflowClient(trackingURI: uri).run(runID).data.metrics
        for m in report.finalMetrics where m.validation?.isFinite == true {
            #expect(metrics.first { $0.key == "holdout_\(m.name)" }?.value == m.validation)
        }
        let absent = await s.runOnOwnThread(["evaluate", "--model", "run/model.aml", "--baac", "gen", "-q",
                                             "--run-id", String(repeating: "0", count: 32)], environment: env)
        #expect(absent.status == 66 && absent.err.contains("log metrics to run"))
    }
}

/// Tracking failures never lose the run folder: exit 69, one line naming the step.
@Suite struct TrackingFailureTests {
    @Test func mlflowDownExits69WithTheRunFolderWritten() async throws {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "600", "--seed", "3", "--output", "gen", "-q"]).status == 0)
        var env = ProcessInfo.processInfo.environment
        env["ACCIDENTML_MLFLOW_RETRY_SECONDS"] = "0.5"
        let fit = await s.runOnOwnThread(["fit", "--baac", "gen", "--trees", "10", "--output", "run", "-q",
                                          "--tracking-uri", "http://127.0.0.1:\(ClosedPort.make())", "--register", "m"],
                                         environment: env)
        #expect(fit.status == 69)
        #expect(fit.errorLines.count == 1 && fit.err.contains("tracking failed at step 'get or create experiment 'accidentml''"))
        #expect(fit.err.contains("connection refused") && fit.err.contains("The run folder run is complete"))
        #expect(try s.listing("run") == ["metrics.json", "model.aml", "report.html"])
        #expect(try AccidentModel.load(from: s.url("run/model.aml")).fileChecksum != nil)
    }

    @Test func theDefaultJobTracksWhenTheVariableIsSetAndFailsClearly() async throws {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "500", "--output", "data/default", "-q"]).status == 0)
        var env = ProcessInfo.processInfo.environment
        env["MLFLOW_TRACKING_URI"] = "http://127.0.0.1:\(ClosedPort.make())"
        env["ACCIDENTML_MLFLOW_RETRY_SECONDS"] = "0"
        let result = await s.runOnOwnThread(["-q"], environment: env)
        #expect(result.status == 69 && result.err.contains("tracking failed at step"))
        #expect(try s.listing("runs/default") == ["metrics.json", "model.aml", "report.html"])
    }

    @Test func referencesNeedAServerAndAWellFormedName() {
        let s = try! CLISandbox()
        var env = ProcessInfo.processInfo.environment
        env["MLFLOW_TRACKING_URI"] = nil
        var r = s.run(["inspect", "models:/m@champion"], environment: env)
        #expect(r.status == 64 && r.err.contains("--tracking-uri") && r.err.contains("MLFLOW_TRACKING_URI"))
        r = s.run(["inspect", "models:/m/x", "--tracking-uri", "http://127.0.0.1:1"], environment: env)
        #expect(r.status == 64 && r.err.contains("models:/NAME@ALIAS"))
        r = s.run(["fit", "--baac", "gen", "--register", "m"], environment: env)
        #expect(r.status == 64 && r.err.contains("--register needs an MLflow server"))
    }
}
