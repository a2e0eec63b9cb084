import Foundation
@testable import AccidentML
@testable import AccidentServer

/// Real models, trained once per test process on small synthetic BAAC data and written to
/// model files, as `train` would: the server under test loads them with its production loader.
enum TestModels {
    /// The model files the tests serve.
    enum File: String, CaseIterable, Sendable {
        /// Accident unit (nested `vehicles`/`users`), logistic regression: the default "v1".
        case accidentLogistic
        /// Accident unit, 40-round GBDT with covers (TreeSHAP): the reload target "v2".
        case accidentGBDT
        /// The same GBDT written without its trees' covers: cannot explain.
        case accidentGBDTWithoutCovers
        /// Person unit (flat fields, 4 classes), logistic regression.
        case personLogistic
        /// Three named numeric columns `a`, `b`, `c`, GBDT.
        case columnsGBDT
    }

    /// The folder holding every test model file.
    private static let folder: Result<URL, any Error> = Result {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("accident-server-models-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for file in File.allCases { try write(file, to: url.appendingPathComponent("\(file.rawValue).aml")) }
        return url
    }

    /// The path of a model file (trained and written on first use).
    static func path(_ file: File) throws -> String {
        try folder.get().appendingPathComponent("\(file.rawValue).aml").path
    }

    /// The model as the core loads it from its file: the reference the server's answers are checked against.
    static func model(_ file: File) throws -> AccidentModel {
        try AccidentModel.load(from: URL(fileURLWithPath: try path(file)))
    }

    /// The folder holding every test model file: the test servers' model folder (`MODEL_DIR`).
    static func folderPath() throws -> String { try folder.get().path }

    /// A fresh copy of a model file, under a new name in the test models' folder (for reload tests
    /// that damage it).
    static func copy(_ file: File) throws -> String {
        let destination = try folder.get().appendingPathComponent("copy-\(UUID())-\(file.rawValue).aml")
        try FileManager.default.copyItem(atPath: try path(file), toPath: destination.path)
        return destination.path
    }

    private static func write(_ file: File, to url: URL) throws {
        switch file {
        case .accidentLogistic, .personLogistic:
            let unit: PredictionUnit = file == .accidentLogistic ? .accident : .person
            let tables = SyntheticBAAC(seed: 5).tables(count: 800)
            let rows = unit == .accident ? tables.accidentRows() : tables.personRows()
            let encoder = FeatureEncoder().fit(.default(for: unit), on: rows)
            let fit = try LogisticRegression(c: 1, maxIterations: 200).fit(encoder.labeled(rows, for: .linear))
            var model = AccidentModel(metadata: metadata(.logistic, encoder, .linear), input: .baac(encoder),
                                      classifier: .logistic(fit.model))
            try model.write(to: url)
        case .accidentGBDT, .accidentGBDTWithoutCovers:
            let rows = SyntheticBAAC(seed: 6).tables(count: 800).accidentRows()
            let encoder = FeatureEncoder().fit(.defaultAccident, on: rows)
            var parameters = GBDTParameters()
            parameters.rounds = 40
            parameters.maxDepth = 5
            let trees = try GBDTTrainer(parameters: parameters).train(encoder.labeled(rows, for: .trees))
            var model = AccidentModel(metadata: metadata(.gbdt, encoder, .trees), input: .baac(encoder),
                                      classifier: .gbdt(trees))
            if file == .accidentGBDT { try model.write(to: url) } else { try writeWithoutCovers(model, to: url) }
        case .columnsGBDT:
            var rng = SplitMix64(seed: 9)
            let rows = (0..<600).map { _ in (0..<3).map { _ in Float(rng.nextUnit() * 4 - 2) } }
            let labels = rows.map { Int32($0[0] + 0.5 * $0[1] > 0 ? 1 : 0) }
            let data = LabeledMatrix(features: FeatureMatrix(rows: rows, columnNames: ["a", "b", "c"]), labels: labels,
                                     classLabels: ["no", "yes"])
            var parameters = GBDTParameters()
            parameters.rounds = 20
            let trees = try GBDTTrainer(parameters: parameters).train(data)
            var model = AccidentModel(
                metadata: ModelMetadata(kind: .gbdt, unit: .accident, classLabels: ["no", "yes"], featureNames: ["a", "b", "c"]),
                input: .columns(["a", "b", "c"]), classifier: .gbdt(trees))
            try model.write(to: url)
        }
    }

    /// Writes the model file as an older AccidentML did: without the `GCOV` section.
    private static func writeWithoutCovers(_ model: AccidentModel, to url: URL) throws {
        var container = try model.fileContainer()
        container.sections.removeAll { $0.tag == GBDTModel.coverSectionTag }
        _ = try container.write(to: url)
    }

    private static func metadata(_ kind: ModelKind, _ encoder: FittedEncoder, _ family: ModelFamily) -> ModelMetadata {
        ModelMetadata(kind: kind, unit: encoder.unit, classLabels: encoder.classLabels,
                      featureNames: encoder.columnNames(for: family), createdAt: "2024-06-01T12:00:00Z")
    }
}
