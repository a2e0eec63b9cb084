import Foundation
import Testing
@testable import train

/// `predict` on BAAC data predicts every accident, also those with no person row (a `usagers`
/// file with only its header), as docs/cli.md says (issue 16, item 8).
@Suite struct PredictUnknownSeverityTests {
    @Test func accidentsWithoutPersonsArePredicted() throws {
        let s = try ErrorTests.sandboxWithModel()
        let usagers = try #require(try s.listing("gen").first { $0.contains("usagers") })
        let header = try #require(try s.text("gen/\(usagers)").split(separator: "\n").first)
        try s.write("gen/\(usagers)", String(header) + "\n")
        let caracteristiques = try #require(try s.listing("gen").first { $0.contains("caracteristiques") })
        let accidents = try s.text("gen/\(caracteristiques)").split(separator: "\n").count - 1
        let result = s.run(["predict", "--model", "runs/m/model.aml", "--baac", "gen", "--output", "p.csv", "-q"])
        #expect(result.status == 0, "\(result.err)")
        #expect(try s.text("p.csv").split(separator: "\n").count - 1 == accidents)
    }
}
