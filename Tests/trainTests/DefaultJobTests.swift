import AccidentML
import Foundation
import Testing
@testable import train

/// `train` with no arguments trains the default model on `data/default/` and writes `runs/default/`.
@Suite struct DefaultJobTests {
    @Test func noArgumentsTrainsOnTheCurrentFoldersDefaultData() throws {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "800", "--seed", "12", "--output", "data/default", "-q"]).status == 0)
        let result = s.run([])
        #expect(result.status == 0, "\(result.err)")
        #expect(try s.listing("runs/default") == ["metrics.json", "model.aml", "report.html"])
        #expect(result.out.contains("validation") && result.out.contains("runs/default/report.html"))
        #expect(result.err.contains("training gbdt on") && result.err.contains("20 % stratified hold-out"))
        let model = try AccidentModel.load(from: s.url("runs/default/model.aml"))
        #expect(model.metadata.unit == .accident && model.metadata.dataSource == "BAAC data/default")
        #expect(model.metadata.hyperparameters["seed"] == "42")
        let rows = try BAACReader().read(folder: s.url("data/default")).tables.accidentRows()
        #expect(model.metadata.rowCounts["validation"] == Int((Double(rows.rows.filter { $0.target == 1 }.count) * 0.2).rounded())
                + Int((Double(rows.rows.filter { $0.target == 0 }.count) * 0.2).rounded()))
    }

    @Test func quietPrintsNothing() throws {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "500", "--output", "data/default", "-q"]).status == 0)
        let result = s.run(["--quiet"])
        #expect(result.status == 0 && result.out.isEmpty && result.err.isEmpty)
        #expect(s.exists("runs/default/model.aml"))
    }

    @Test func theDataIsFoundBesideTheExecutablesPackage() throws {
        let package = try CLISandbox(), elsewhere = try CLISandbox()
        #expect(package.run(["generate", "--accidents", "500", "--output", "data/default", "-q"]).status == 0)
        let executable = package.url(".build/x86_64-unknown-linux-gnu/release/train")
        let result = elsewhere.run(["-q"], executable: executable)
        #expect(result.status == 0, "\(result.err)")
        #expect(elsewhere.exists("runs/default/model.aml"), "the run goes to the current folder")
        let model = try AccidentModel.load(from: elsewhere.url("runs/default/model.aml"))
        #expect(model.metadata.dataSource == "BAAC " + package.url("data/default").standardizedFileURL.path)
    }

    @Test func missingDefaultDataSaysWhereItLookedAndHowToFix() throws {
        let s = try CLISandbox()
        let result = s.run([], executable: URL(fileURLWithPath: "/nonexistent/.build/debug/train"))
        #expect(result.status == 66)
        #expect(result.errorLines.count == 1)
        #expect(result.err.contains("data/default/") && result.err.contains(s.folder.path))
        #expect(result.err.contains("/nonexistent/.build/debug/train") && result.err.contains("train generate --output data/default"))
        #expect(try s.listing().isEmpty)
    }
}
