import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentML

/// The trees' covers (what TreeSHAP needs) travel in the optional `GCOV` section.
@Suite struct ModelCoversTests {
    @Test func coversRoundTripAndAFileWithoutThemStillPredicts() throws {
        var (model, tables) = try AccidentModelFileTests.gbdtModel()
        guard case .gbdt(let forest) = model.classifier else { Issue.record("not a forest"); return }
        #expect(forest.hasCovers && model.supportsContributions)
        // Each tree's covers count the training rows once.
        let rows = Double(tables.accidentRows().count)
        #expect(forest.trees.allSatisfy { $0.leafCover.reduce(0, +) == rows })
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("model.aml")
        try model.write(to: url)
        #expect(try AccidentModel.load(from: url).classifier == model.classifier)

        var container = try model.fileContainer()
        container.sections.removeAll { $0.tag == GBDTModel.coverSectionTag }
        let bare = folder.url.appendingPathComponent("bare.aml")
        try container.write(to: bare)
        let loaded = try AccidentModel.load(from: bare)
        #expect(!loaded.supportsContributions)
        #expect(try loaded.predict(tables).probabilities == model.predict(tables).probabilities)
    }

    @Test func coversThatDoNotFitTheTreesAreRejected() throws {
        let (model, _) = try AccidentModelFileTests.gbdtModel()
        var container = try model.fileContainer()
        let index = try #require(container.sections.firstIndex { $0.tag == GBDTModel.coverSectionTag })
        container.sections[index].payload = [1, 0, 0, 0]  // one tree's covers, and none given
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("odd.aml")
        try container.write(to: url)
        #expect { try AccidentModel.load(from: url) } throws: { "\($0)".contains("GCOV") }
    }
}
