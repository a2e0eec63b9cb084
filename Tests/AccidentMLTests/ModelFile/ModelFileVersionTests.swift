import AccidentTestSupport
import Foundation
import Testing
@testable import AccidentML

/// Format version 1 files still load and predict as before; version 2 writes the same bytes
/// apart from the GBDT objective's name.
///
/// `Fixtures/gbdt-accident-v1.aml` was written by the code of commit 5c42f4c (format version 1):
/// 400 synthetic accidents (seed 11, year 2021) written as BAAC files and read back, 5 boosting
/// rounds with the tool's tree defaults, seed 42, a 20 % hold-out, `dataSource` "BAAC gen" and a
/// fixed `createdAt`; `gbdt-accident-v1.predictions.json` holds the probabilities that code
/// predicted for the first 40 accident rows.
@Suite struct ModelFileVersionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")
    static var v1Model: URL { fixtures.appendingPathComponent("gbdt-accident-v1.aml") }

    /// The fixture's training data, made the same way.
    static func data(in folder: TemporaryFolder) throws -> BAACTables {
        let gen = folder.url.appendingPathComponent("gen")
        _ = try SyntheticBAAC(seed: 11, year: 2021).write(count: 400, to: gen)
        return try BAACReader().read(folder: gen).tables
    }

    @Test func versionOneFileLoadsAndPredictsAsBefore() throws {
        let container = try ModelContainer.read(from: Self.v1Model)
        #expect(container.version == 1)
        let model = try AccidentModel.load(from: Self.v1Model)
        guard case .gbdt(let trees) = model.classifier else { Issue.record("expected trees"); return }
        #expect(trees.objective == .binary && trees.roundCount == 5 && model.metadata.kind == .gbdt)
        #expect(model.metadata.unit == .accident)
        let folder = try TemporaryFolder()
        let (_, p) = try model.predict(try Self.data(in: folder), threads: 1)
        let expected = try JSONDecoder().decode([String: [Float]].self,
            from: Data(contentsOf: Self.fixtures.appendingPathComponent("gbdt-accident-v1.predictions.json")))["probabilities"]!
        // The same trees and the same float operations: bit-identical probabilities.
        #expect(Array(p.prefix(expected.count)) == expected)
    }

    @Test func trainingJobWritesVersionOneBytesPlusTheObjective() throws {
        let folder = try TemporaryFolder()
        let rows = try Self.data(in: folder).accidentRows()
        var trees = ModelTrainer.defaultTrees
        trees.rounds = 5
        trees.seed = 42
        trees.threads = 1
        let job = TrainingJob(trainer: .gbdt(trees, metric: .auc), validation: .holdOut(fraction: 0.2), seed: 42, threads: 1)
        let result = try job.run(on: .baac(rows))
        var (model, _) = result.assemble(TrainingProvenance(unit: .accident, metric: .auc, validation: job.validation,
                                                            seed: 42, dataSource: "BAAC gen"),
                                         classLabels: rows.unit.classLabels)
        let old = try ModelContainer.read(from: Self.v1Model)
        let oldMetadata = try JSONDecoder().decode(ModelMetadata.self, from: Data(try old.requiredSection("META", path: "v1")))
        model.metadata.createdAt = oldMetadata.createdAt
        model.metadata.libraryVersion = oldMetadata.libraryVersion
        let url = folder.url.appendingPathComponent("v2.aml")
        try model.write(to: url)
        let new = try ModelContainer.read(from: url)
        #expect(new.version == 2)
        #expect(new.sections.map(\.tag) == old.sections.map(\.tag))
        for tag in old.sections.map(\.tag) where tag != GBDTModel.sectionTag {
            #expect(new.section(tag) == old.section(tag), "section \(tag) differs")
        }
        // Version 2 inserts the objective's name (u32 length + UTF-8) after the class count.
        var objective = ByteWriter()
        objective.append(string: "binary")
        let oldTrees = try old.requiredSection(GBDTModel.sectionTag, path: "v1")
        #expect(try new.requiredSection(GBDTModel.sectionTag, path: "v2")
                == Array(oldTrees.prefix(4)) + objective.bytes + Array(oldTrees.dropFirst(4)))
    }

    @Test func theObjectiveIsChosenByNameSavedAndDrivesTheLink() throws {
        #expect(try BoostingObjective(named: "multiclass") == .multiclass)
        #expect(throws: GBDTError.self) { try BoostingObjective(named: "regression") }
        #expect(BoostingObjective.standard(classCount: 2) == .binary && BoostingObjective.standard(classCount: 4) == .multiclass)
        // Two classes boosted with softmax: one tree per class and round, probabilities by softmax.
        let n = 200
        let x = (0..<n).map { Float($0 % 17) }
        let labels = (0..<n).map { Int32($0 % 17 > 8 ? 1 : 0) }
        let data = LabeledMatrix(features: FeatureMatrix(rowCount: n, columnNames: ["x"], storage: x),
                                 labels: labels, classLabels: ["no", "yes"])
        var p = GBDTParameters()
        p.rounds = 3
        p.objective = .multiclass
        let softmax = try GBDTTrainer(parameters: p).train(data)
        #expect(softmax.objective == .multiclass && softmax.scoreColumns == 2 && softmax.roundCount == 3)
        p.objective = .binary
        let logistic = try GBDTTrainer(parameters: p).train(data)
        #expect(logistic.scoreColumns == 1)
        p.objective = .binary
        let fourClasses = LabeledMatrix(features: data.features, labels: (0..<n).map { Int32($0 % 4) },
                                        classLabels: ["a", "b", "c", "d"])
        #expect(throws: GBDTError.self) { try GBDTTrainer(parameters: p).train(fourClasses) }

        let folder = try TemporaryFolder()
        var model = AccidentModel(metadata: ModelMetadata(kind: .gbdt, unit: .accident, classLabels: ["no", "yes"],
                                                          featureNames: ["x"]),
                                  input: .columns(["x"]), classifier: .gbdt(softmax))
        let url = folder.url.appendingPathComponent("softmax.aml")
        try model.write(to: url)
        let loaded = try AccidentModel.load(from: url)
        guard case .gbdt(let read) = loaded.classifier else { Issue.record("expected trees"); return }
        #expect(read == softmax && read.objective == .multiclass)
        let probabilities = read.predictProbabilities(data.features, threads: 1)
        #expect(probabilities == softmax.predictProbabilities(data.features, threads: 1))
        // Softmax of the two raw scores, as the link says (not the logistic of one score); the
        // forest sums 3 Float32 leaf values per column, the plain walk Doubles: a few ulps of
        // Float32 (6e-8) apart.
        let scores = read.rawScoresPlain { _ in x[0] }
        let top = scores.max()!, e = scores.map { Foundation.exp($0 - top) }
        #expect(abs(Double(probabilities[1]) - e[1] / (e[0] + e[1])) < 1e-6)
    }
}
