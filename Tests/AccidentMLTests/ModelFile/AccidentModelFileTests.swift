import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentML

/// The portable model file holds everything needed to predict from raw BAAC fields.
@Suite struct AccidentModelFileTests {
    /// A logistic accident model trained on a small synthetic year.
    static func logisticModel() throws -> (AccidentModel, BAACTables) {
        let tables = SyntheticBAAC(seed: 5).tables(count: 1500)
        let rows = tables.accidentRows()
        let encoder = FeatureEncoder().fit(.defaultAccident, on: rows)
        let fit = try LogisticRegression(c: 1, maxIterations: 200).fit(encoder.labeled(rows, for: .linear))
        let metadata = ModelMetadata(kind: .logistic, unit: .accident, classLabels: encoder.classLabels,
                                     featureNames: encoder.columnNames(for: .linear),
                                     hyperparameters: ["C": "1"], rowCounts: ["train": rows.count])
        return (AccidentModel(metadata: metadata, input: .baac(encoder), classifier: .logistic(fit.model)), tables)
    }

    /// A 40-round GBDT accident model trained on a small synthetic year.
    static func gbdtModel() throws -> (AccidentModel, BAACTables) {
        let tables = SyntheticBAAC(seed: 6).tables(count: 1500)
        let rows = tables.accidentRows()
        let encoder = FeatureEncoder().fit(.defaultAccident, on: rows)
        var parameters = GBDTParameters()
        parameters.rounds = 40
        parameters.maxDepth = 5
        let model = try GBDTTrainer(parameters: parameters).train(encoder.labeled(rows, for: .trees))
        let metadata = ModelMetadata(kind: .gbdt, unit: .accident, classLabels: encoder.classLabels,
                                     featureNames: encoder.columnNames(for: .trees))
        return (AccidentModel(metadata: metadata, input: .baac(encoder), classifier: .gbdt(model)), tables)
    }

    static func model(_ kind: String) throws -> (AccidentModel, BAACTables) {
        kind == "gbdt" ? try gbdtModel() : try logisticModel()
    }

    @Test(arguments: ["gbdt", "logistic"])
    func saveLoadIsBitExact(kind: String) throws {
        var (model, tables) = try Self.model(kind)
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("model.aml")
        try model.write(to: url)
        let loaded = try AccidentModel.load(from: url)
        #expect(loaded.metadata == model.metadata)
        #expect(loaded.input == model.input)
        #expect(loaded.classifier == model.classifier)
        #expect(loaded.version == model.version && model.version.count == 8)
        let before = try model.predict(tables).probabilities
        let after = try loaded.predict(tables).probabilities
        #expect(before.map(\.bitPattern) == after.map(\.bitPattern))
    }

    @Test(arguments: ["gbdt", "logistic"])
    func everyTruncationAndBitFlipFailsCleanly(kind: String) throws {
        var (model, _) = try Self.model(kind)
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("model.aml")
        try model.write(to: url)
        let bytes = [UInt8](try Data(contentsOf: url))
        var rng = SplitMix64(seed: 3)
        for _ in 0..<64 {
            let cut = Int(rng.next() % UInt64(bytes.count))
            let damaged = folder.url.appendingPathComponent("cut.aml")
            try Data(bytes[0..<cut]).write(to: damaged)
            #expect(throws: ModelFileError.self) { try AccidentModel.load(from: damaged) }
            var flipped = bytes
            flipped[Int(rng.next() % UInt64(bytes.count))] ^= UInt8(1 << (rng.next() % 8))
            try Data(flipped).write(to: damaged)
            #expect(throws: ModelFileError.self) { try AccidentModel.load(from: damaged) }
        }
    }

    @Test func inconsistentSectionsAreRejected() throws {
        let (model, _) = try Self.logisticModel()
        var container = try model.fileContainer()
        // A metadata section naming a model kind that this build does not know.
        let json = String(decoding: try JSONEncoder().encode(model.metadata), as: UTF8.self)
            .replacingOccurrences(of: #""kind":"logistic""#, with: #""kind":"quantum-forest""#)
        #expect(json.contains("quantum-forest"))
        container.sections[0].payload = Array(json.utf8)
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("odd.aml")
        try container.write(to: url)
        #expect {
            try AccidentModel.load(from: url)
        } throws: { e in
            "\(e)".contains("unknown model kind 'quantum-forest' (this build reads: gbdt, logistic)") && "\(e)".contains(url.path)
        }
        #expect(throws: ModelFileError.self) {
            try AccidentModel.load(from: folder.url.appendingPathComponent("absent.aml"))
        }
    }

    @Test func treesThatWouldLoopOrIndexOutOfRangeAreRejected() throws {
        let (model, _) = try Self.gbdtModel()
        guard case .gbdt(let forest) = model.classifier else { Issue.record("not a forest"); return }
        var tree = try #require(forest.trees.first { $0.internalCount > 2 })
        #expect(tree.structuralProblem(featureCount: forest.featureCount) == nil)
        tree.leftChild[1] = 0
        #expect(tree.structuralProblem(featureCount: forest.featureCount)?.contains("points to node 0") == true)
        tree = forest.trees.first { $0.internalCount > 2 }!
        tree.splitFeature[0] = Int32(forest.featureCount)
        #expect(tree.structuralProblem(featureCount: forest.featureCount)?.contains("splits on feature") == true)
        tree = forest.trees.first { $0.internalCount > 2 }!
        tree.leafValue.removeLast()
        #expect(tree.structuralProblem(featureCount: forest.featureCount) != nil)
    }
}

/// Models trained on named feature columns (a generic CSV) predict from records of those columns.
@Suite struct ColumnInputModelTests {
    static func model() throws -> AccidentModel {
        var rng = SplitMix64(seed: 9)
        let n = 400
        let rows = (0..<n).map { _ in [Float(rng.nextUnit() * 4 - 2), Float(rng.nextUnit() * 4 - 2)] }
        let labels = rows.map { Int32($0[0] + 0.5 * $0[1] > 0 ? 1 : 0) }
        let data = LabeledMatrix(features: FeatureMatrix(rows: rows, columnNames: ["a", "b"]), labels: labels,
                                 classLabels: ["0", "1"])
        let fit = try LogisticRegression(c: 1).fit(data)
        let meta = ModelMetadata(kind: .logistic, unit: .accident, classLabels: ["0", "1"], featureNames: ["a", "b"])
        return AccidentModel(metadata: meta, input: .columns(["a", "b"]), classifier: .logistic(fit.model))
    }

    @Test func recordAndMatrixAgreeAndErrorsNameTheField() throws {
        var model = try Self.model()
        let x = FeatureMatrix<Float>(rows: [[1.5, -0.25]], columnNames: ["a", "b"])
        let batch = try model.predict(x)
        let single = try model.predict(record: ["a": 1.5, "b": -0.25])
        #expect(abs(single.probabilities[1] - batch[1]) < 1e-6)
        #expect(single.classLabel == "1")
        #expect(throws: FeatureInputError.missingField(path: "b", expected: "a number (null when missing)")) {
            try model.predict(record: ["a": 1])
        }
        #expect(throws: FeatureInputError.unknownField(path: "c", known: ["a", "b"])) {
            try model.predict(record: ["a": 1, "b": 2, "c": 3])
        }
        #expect(throws: FeatureInputError.wrongType(path: "a", found: "a string", expected: "a number")) {
            try model.predict(record: ["a": "x", "b": 2])
        }
        #expect(throws: AccidentModelError.self) {
            try model.predict(FeatureMatrix<Float>(rows: [[1, 2]], columnNames: ["b", "a"]))
        }
        #expect(throws: AccidentModelError.self) { try model.predict(BAACTables()) }
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("cols.aml")
        try model.write(to: url)
        let loaded = try AccidentModel.load(from: url)
        #expect(loaded.input == .columns(["a", "b"]))
        #expect(try loaded.predict(x).map(\.bitPattern) == batch.map(\.bitPattern))
    }
}

/// New accidents have no known severity yet: prediction keeps them, training does not.
@Suite struct UnknownSeverityPredictionTests {
    @Test func rowsOfUnknownSeverityArePredictedButNeverTrainedOn() throws {
        let (model, tables) = try AccidentModelFileTests.gbdtModel()
        var unknown = tables
        for i in unknown.users.indices { unknown.users[i].grav = -1 }
        #expect(unknown.accidentRows().count == 0)
        #expect(unknown.accidentRows().report.unknownSeverity == tables.accidents.count)
        let kept = unknown.accidentRows(keepingUnknownSeverity: true)
        #expect(kept.count == tables.accidents.count && kept.rows.allSatisfy { $0.target == -1 })
        #expect(unknown.personRows(keepingUnknownSeverity: true).count == tables.users.count)
        // The features never depend on the outcome, so the predictions are the same.
        let known = try model.predict(tables)
        let new = try model.predict(unknown)
        #expect(new.rows.count == tables.accidents.count)
        #expect(new.probabilities == known.probabilities)
    }
}
