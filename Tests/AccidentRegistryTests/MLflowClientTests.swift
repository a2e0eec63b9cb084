import AccidentTestSupport
import Foundation
import Testing
@testable import AccidentRegistry

/// The client against the real MLflow server (scripts/services/mlflow.sh): experiments, runs,
/// artifacts through the proxy, registered models, versions and aliases.
@Suite(.requiresMLflow) struct MLflowClientTests {
    @Test func experimentsAreFoundOrCreatedOnce() async throws {
        let client = try TestModels.client()
        let name = TestModels.unique("exp")
        await #expect(throws: RegistryError.self) { _ = try await client.experiment(named: name) }
        let created = try await client.experiment(ensuring: name)
        let again = try await client.experiment(ensuring: name)
        #expect(created.experimentID == again.experimentID && again.name == name)
        #expect(again.artifactLocation?.hasPrefix("mlflow-artifacts:") == true)
    }

    @Test func aRunKeepsParamsMetricsPerStepTagsAndStatus() async throws {
        let client = try TestModels.client()
        let experiment = try await client.experiment(ensuring: TestModels.unique("exp"))
        let run = try await client.createRun(experimentID: experiment.experimentID, name: "probe", tags: [KeyValue("unit", "accident")])
        #expect(run.status == .running && run.artifactURI.hasPrefix("mlflow-artifacts:"))
        // 250 params and 2500 points: more than one request each (limits 100 and 1000).
        let params = (0..<250).map { KeyValue("p\($0)", "\($0)") }
        let points = (0..<2500).map { MetricPoint(key: "curve", value: Double($0) / 10, timestamp: 1, step: Int64($0)) }
        try await client.logBatch(runID: run.runID, params: params, metrics: points + [MetricPoint(key: "nan", value: .nan, timestamp: 1)],
                                  tags: [KeyValue("kind", "gbdt")])
        try await client.setTag(runID: run.runID, key: "extra", value: "yes")
        try await client.updateRun(run.runID, status: .finished)
        let read = try await client.run(run.runID)
        #expect(read.info.status == .finished && read.info.runName == "probe")
        #expect(Set(read.data.params) == Set(params))
        #expect(read.data.metrics.map(\.key) == ["curve"], "the NaN point is dropped, not sent")
        #expect(Set(["unit", "kind", "extra"]).isSubset(of: Set(read.data.tags.map(\.key))))
        let history = try await client.metricHistory(runID: run.runID, key: "curve")
        #expect(history.map(\.step) == (0..<2500).map(Int64.init) && history.last?.value == 249.9)
        let found = try await client.searchRuns(experimentIDs: [experiment.experimentID], filter: "tags.unit = 'accident'")
        #expect(found.map(\.info.runID) == [run.runID])
    }

    @Test func artifactsGoThroughTheProxyBothWays() async throws {
        let client = try TestModels.client()
        let experiment = try await client.experiment(ensuring: TestModels.unique("exp"))
        let run = try await client.createRun(experimentID: experiment.experimentID, name: nil)
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try await client.uploadArtifact(bytes, to: run.artifactURI, path: "model.aml")
        try await client.uploadArtifact(Array("{}".utf8), to: run.artifactURI, path: "sub/metrics.json")
        #expect(try await client.downloadArtifact(from: run.artifactURI, path: "model.aml") == bytes)
        let root = try await client.listArtifacts(runID: run.runID)
        #expect(root.map(\.path).sorted() == ["model.aml", "sub"])
        #expect(root.first { $0.path == "model.aml" }?.size == bytes.count && root.first { $0.path == "sub" }?.isDirectory == true)
        await #expect {
            _ = try await client.downloadArtifact(from: run.artifactURI, path: "absent.aml")
        } throws: { error in
            guard case .notFound(let operation, _, _) = error as? RegistryError else { return false }
            return operation.contains("absent.aml")
        }
    }

    @Test func versionsAndAliasesOfARegisteredModel() async throws {
        let client = try TestModels.client()
        let name = TestModels.unique("model")
        let experiment = try await client.experiment(ensuring: TestModels.unique("exp"))
        let runs = [try await client.createRun(experimentID: experiment.experimentID, name: "a"),
                    try await client.createRun(experimentID: experiment.experimentID, name: "b")]
        _ = try await client.registeredModel(ensuring: name)
        _ = try await client.registeredModel(ensuring: name)
        var versions: [ModelVersion] = []
        for run in runs {
            versions.append(try await client.createModelVersion(name: name, source: run.artifactURI, runID: run.runID,
                                                                tags: [KeyValue("accidentml.checksum", "0000000\(versions.count)")]))
        }
        #expect(versions.map(\.version) == ["1", "2"] && versions.map(\.runID) == runs.map(\.runID))
        try await client.setAlias(name: name, alias: "champion", version: "1")
        var champion = try await client.modelVersion(name: name, alias: "champion")
        #expect(champion.version == "1" && champion.aliases == ["champion"] && champion.tag("accidentml.checksum") == "00000000")
        try await client.setAlias(name: name, alias: "champion", version: "2")
        champion = try await client.modelVersion(name: name, alias: "champion")
        #expect(champion.version == "2" && champion.source == runs[1].artifactURI)
        #expect(try await client.registeredModel(name).aliases == [.init(alias: "champion", version: "2")])
        #expect(try await client.modelVersions(name: name).map(\.version) == ["1", "2"])
        try await client.deleteAlias(name: name, alias: "champion")
        await #expect {
            _ = try await client.modelVersion(name: name, alias: "champion")
        } throws: { ($0 as? RegistryError).map { if case .notFound = $0 { true } else { false } } ?? false }
        await #expect {
            _ = try await client.modelVersion(name: name, version: "9")
        } throws: { ($0 as? RegistryError)?.errorCode == "RESOURCE_DOES_NOT_EXIST" }
        await #expect {
            _ = try await client.registeredModel(TestModels.unique("absent"))
        } throws: { ($0 as? RegistryError)?.errorCode == "RESOURCE_DOES_NOT_EXIST" }
    }
}
