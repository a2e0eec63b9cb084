import Foundation
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
        let metadata = ModelMetadata(kind: "logistic", unit: "accident", classLabels: encoder.classLabels,
                                     featureNames: encoder.columnNames(for: .linear),
                                     hyperparameters: ["C": "1"], rowCounts: ["train": rows.count])
        return (AccidentModel(metadata: metadata, encoder: encoder, classifier: .logistic(fit.model)), tables)
    }

    @Test func saveLoadIsBitExact() throws {
        var (model, tables) = try Self.logisticModel()
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("model.aml")
        try model.write(to: url)
        let loaded = try AccidentModel.load(from: url)
        #expect(loaded.metadata == model.metadata)
        #expect(loaded.encoder == model.encoder)
        #expect(loaded.classifier == model.classifier)
        #expect(loaded.version == model.version && model.version.count == 8)
        let before = model.predict(tables).probabilities
        let after = loaded.predict(tables).probabilities
        #expect(before.map(\.bitPattern) == after.map(\.bitPattern))
    }

    @Test func everyTruncationAndBitFlipFailsCleanly() throws {
        var (model, _) = try Self.logisticModel()
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
        var meta = model.metadata
        meta.kind = "quantum-forest"
        container.sections[0].payload = Array(try JSONEncoder().encode(meta))
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("odd.aml")
        try container.write(to: url)
        #expect {
            try AccidentModel.load(from: url)
        } throws: { e in
            "\(e)".contains("quantum-forest") && "\(e)".contains(url.path)
        }
        #expect(throws: ModelFileError.self) {
            try AccidentModel.load(from: folder.url.appendingPathComponent("absent.aml"))
        }
    }
}
