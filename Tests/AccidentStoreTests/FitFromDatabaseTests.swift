import AccidentML
import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentStore

/// A model fitted on tables loaded from the database is the model fitted on the files they came from.
@Suite(.requiresDatabase)
struct FitFromDatabaseTests {
    /// The one pipeline both sides run: join, fit the encoder, encode, 30 seeded GBDT rounds
    /// (with bagging and feature sampling, so that row order matters), fixed metadata.
    static func fit(_ tables: BAACTables) throws -> AccidentModel {
        let rows = tables.personRows()
        let encoder = FeatureEncoder().fit(.defaultPerson, on: rows)
        var parameters = GBDTParameters()
        parameters.rounds = 30
        parameters.seed = 17
        parameters.baggingFraction = 0.8
        parameters.featureFraction = 0.8
        let model = try GBDTTrainer(parameters: parameters).train(encoder.labeled(rows, for: .trees))
        let metadata = ModelMetadata(kind: .gbdt, unit: .person, classLabels: encoder.classLabels,
                                     featureNames: encoder.columnNames(for: .trees),
                                     rowCounts: ["train": rows.count], createdAt: "2024-01-01T00:00:00Z")
        return AccidentModel(metadata: metadata, input: .baac(encoder), classifier: .gbdt(model))
    }

    /// The model file's bytes.
    static func bytes(of model: AccidentModel, in folder: TemporaryFolder, name: String) throws -> Data {
        var model = model
        let url = folder.url.appendingPathComponent(name)
        try model.write(to: url)
        return try Data(contentsOf: url)
    }

    @Test func fittingFromTheDatabaseGivesTheSameModelAsFromTheFiles() async throws {
        let folder = try TemporaryFolder()
        let yearFolder = folder.url.appendingPathComponent("2021")
        try SyntheticBAAC(seed: 2021).write(count: 2000, to: yearFolder)
        let fromFiles = try BAACReader().read(folder: yearFolder).tables

        let fromDatabase = try await TestDatabase.withFreshSchema { configuration in
            let store = AccidentStore(configuration: configuration, logger: TestDatabase.logger)
            try await store.migrate()
            try await store.ingest(fromFiles, year: 2021)
            return try await store.loadTables(years: 2021...2021)
        }
        #expect(fromDatabase == fromFiles)

        let fileModel = try Self.fit(fromFiles)
        let databaseModel = try Self.fit(fromDatabase)
        let fileBytes = try Self.bytes(of: fileModel, in: folder, name: "files.aml")
        let databaseBytes = try Self.bytes(of: databaseModel, in: folder, name: "database.aml")
        #expect(fileBytes.count > 1000)
        #expect(fileBytes == databaseBytes)

        // Each model on its own source's rows, bit for bit.
        let filePredictions = try fileModel.predict(fromFiles).probabilities
        let databasePredictions = try databaseModel.predict(fromDatabase).probabilities
        #expect(filePredictions.count == fromFiles.personRows(keepingUnknownSeverity: true).count * fileModel.classLabels.count)
        #expect(databasePredictions.count == filePredictions.count)
        let differing = zip(filePredictions, databasePredictions).filter { $0.bitPattern != $1.bitPattern }.count
        #expect(differing == 0, "\(differing) of \(filePredictions.count) probabilities differ")
    }
}
