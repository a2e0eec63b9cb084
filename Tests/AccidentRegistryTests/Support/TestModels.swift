import AccidentML
import AccidentRegistry
import AccidentTestSupport
import Foundation

/// Small real models and unique names for the registry tests.
enum TestModels {
    /// A GBDT accident model of `rounds` trees trained on a small synthetic year, written to
    /// `folder/model.aml` (so it knows its checksum).
    static func written(in folder: TemporaryFolder, seed: UInt64 = 6, rounds: Int = 20,
                        name: String = "model.aml") throws -> (model: AccidentModel, url: URL) {
        let rows = SyntheticBAAC(seed: seed).tables(count: 1200).accidentRows()
        let encoder = FeatureEncoder().fit(.defaultAccident, on: rows)
        var parameters = GBDTParameters()
        parameters.rounds = rounds
        parameters.maxDepth = 4
        let trees = try GBDTTrainer(parameters: parameters).train(encoder.labeled(rows, for: .trees))
        let metadata = ModelMetadata(kind: .gbdt, unit: .accident, classLabels: encoder.classLabels,
                                     featureNames: encoder.columnNames(for: .trees), hyperparameters: ["rounds": "\(rounds)"],
                                     metrics: ["validation_auc": 0.75])
        var model = AccidentModel(metadata: metadata, input: .baac(encoder), classifier: .gbdt(trees))
        let url = folder.url.appendingPathComponent(name)
        try model.write(to: url)
        return (model, url)
    }

    /// A name no earlier test run used on the shared server.
    static func unique(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())" }

    /// A client of the test server.
    static func client() throws -> MLflowClient {
        try MLflowClient(trackingURI: try TestEnvironment.requireMLflowURI(), timeout: .seconds(30), retryDeadline: .seconds(5))
    }
}
