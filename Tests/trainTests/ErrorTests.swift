import AccidentML
import Foundation
import Testing
@testable import train

/// Each failure is one line on stderr saying what and how to fix, with its exit status, and
/// leaves no file behind.
@Suite struct ErrorTests {
    /// A sandbox with a small generated year in `gen/` and a default (trees) accident model in `runs/m/`.
    static func sandboxWithModel() throws -> CLISandbox {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "600", "--seed", "9", "--output", "gen", "-q"]).status == 0)
        #expect(s.run(["fit", "--baac", "gen", "--output", "runs/m", "-q"]).status == 0)
        return s
    }

    /// Runs, checks the status and the single `train: error:` line, and returns that line.
    static func failure(_ s: CLISandbox, _ arguments: [String], status: Int32,
                        sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let result = s.run(arguments)
        #expect(result.status == status, "\(arguments): \(result.err)", sourceLocation: sourceLocation)
        let errors = result.errorLines.filter { $0.hasPrefix("train: error: ") }
        #expect(errors.count == 1 && result.errorLines.last == errors.first, "\(result.err)", sourceLocation: sourceLocation)
        #expect(result.out.isEmpty, sourceLocation: sourceLocation)
        return errors.first ?? ""
    }

    @Test func missingInputsExit66() throws {
        let s = try CLISandbox()
        #expect(Self.failure(s, ["fit", "--baac", "nowhere"], status: 66).contains("--baac nowhere: no such file or folder"))
        #expect(Self.failure(s, ["fit", "--features", "X.csv", "--labels", "y.csv"], status: 66).contains("--features X.csv"))
        #expect(Self.failure(s, ["inspect", "absent.aml"], status: 66).contains("absent.aml"))
        #expect(Self.failure(s, ["predict", "--model", "absent.aml", "--baac", "."], status: 66).contains("train fit"))
        try s.write("empty/readme.txt", "no BAAC here")
        #expect(Self.failure(s, ["fit", "--baac", "empty"], status: 66).contains("no BAAC file found"))
        #expect(try s.listing() == ["empty"])
    }

    @Test func aFileWhereAFolderIsExpectedIsAUsageError() throws {
        let s = try CLISandbox()
        try s.write("file.csv", "a\n1\n")
        #expect(Self.failure(s, ["fit", "--baac", "file.csv"], status: 64).contains("is a file, expected a folder"))
        #expect(Self.failure(s, ["inspect", "."], status: 64).contains("is a folder"))
    }

    @Test func unusableDataExits65() throws {
        let s = try CLISandbox()
        try s.write("X.csv", "a,b\n1,2\n3,oops\n")
        try s.write("y.csv", "y\n0\n1\n")
        let badNumber = Self.failure(s, ["fit", "--features", "X.csv", "--labels", "y.csv"], status: 65)
        #expect(badNumber.contains("X.csv:3") && badNumber.contains("'b'") && badNumber.contains("oops"))
        try s.write("X1.csv", "a\n1\n2\n3\n")
        try s.write("y1.csv", "y\n1\n1\n1\n")
        #expect(Self.failure(s, ["fit", "--features", "X1.csv", "--labels", "y1.csv"], status: 65).contains("same class"))
        try s.write("X2.csv", "a,b\n1,\n2,1\n3,0\n4,1\n")
        try s.write("y2.csv", "y\n0\n1\n0\n1\n")
        #expect(Self.failure(s, ["fit", "--features", "X2.csv", "--labels", "y2.csv", "--validation-fraction", "0.5",
                                 "--model", "logistic"], status: 65).contains("\"b\""))
        try s.write("y3.csv", "y\n0\n1\n")
        #expect(Self.failure(s, ["fit", "--features", "X1.csv", "--labels", "y3.csv"], status: 65).contains("rows"))
        #expect(!s.exists("runs"), "no run folder for a failed fit")
    }

    @Test func brokenBAACRowsFailWithTheirLineOrAreSkipped() throws {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "300", "--seed", "2", "--output", "gen", "-q"]).status == 0)
        var users = try s.text("gen/usagers-2021.csv").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let fields = users[5].split(separator: ";").map(String.init)
        users[5] = (["\"not-a-number\""] + fields.dropFirst()).joined(separator: ";")
        try s.write("gen/usagers-2021.csv", users.joined(separator: "\n"))
        let failure = Self.failure(s, ["fit", "--baac", "gen"], status: 65)
        #expect(failure.contains("usagers-2021.csv:6") && failure.contains("not-a-number"), "\(failure)")
        #expect(failure.contains("(flag: --skip-bad-rows)") && !failure.contains("skipBadRows"))
        let skipped = s.run(["fit", "--baac", "gen", "--skip-bad-rows", "--output", "runs/s"])
        #expect(skipped.status == 0, "\(skipped.err)")
        #expect(skipped.err.contains("skipped 1 bad rows"))
    }

    @Test func incompatibleOrDamagedModelsExit65() throws {
        let s = try Self.sandboxWithModel()
        let bytes = try Data(contentsOf: s.url("runs/m/model.aml"))
        try bytes.prefix(bytes.count / 2).write(to: s.url("cut.aml"))
        #expect(Self.failure(s, ["inspect", "cut.aml"], status: 65).contains("truncated"))
        #expect(Self.failure(s, ["predict", "--model", "cut.aml", "--baac", "gen", "--output", "p.csv"], status: 65)
            .contains("cut.aml"))
        #expect(!s.exists("p.csv"))
        var flipped = [UInt8](bytes)
        flipped[40] ^= 0x10
        try Data(flipped).write(to: s.url("flipped.aml"))
        #expect(Self.failure(s, ["inspect", "flipped.aml"], status: 65).contains("checksum"))
        try s.write("X.csv", "a\n1\n")
        #expect(Self.failure(s, ["predict", "--model", "runs/m/model.aml", "--features", "X.csv"], status: 65)
            .contains("--baac"))

        let data = SignalCSV(rows: 60, seed: 1)
        try s.write("X.csv", data.features)
        try s.write("y.csv", data.labels)
        #expect(s.run(["fit", "--features", "X.csv", "--labels", "y.csv", "--output", "runs/c", "-q"]).status == 0)
        #expect(Self.failure(s, ["evaluate", "--model", "runs/c/model.aml", "--baac", "gen"], status: 65)
            .contains("feature CSV"))
        try s.write("Xab.csv", "a,z\n1,2\n")
        #expect(Self.failure(s, ["predict", "--model", "runs/c/model.aml", "--features", "Xab.csv"], status: 65)
            .contains("lacks 2 of the model's 3 columns: b, c"))
        try s.write("ymaybe.csv", data.labels.replacingOccurrences(of: "yes", with: "maybe"))
        #expect(Self.failure(s, ["evaluate", "--model", "runs/c/model.aml", "--features", "X.csv", "--labels", "ymaybe.csv"],
                             status: 65).contains("\"maybe\" is not a class of the model (no, yes)"))
        try s.write("Xe.csv", "a,b,c\n")
        try s.write("ye.csv", "y\n")
        #expect(Self.failure(s, ["evaluate", "--model", "runs/c/model.aml", "--features", "Xe.csv", "--labels", "ye.csv"],
                             status: 65).contains("no accident row to evaluate"))
        #expect(!s.exists("predictions.csv"))
    }

    @Test func unwritableOutputsExit73AndLeaveNothing() throws {
        let s = try Self.sandboxWithModel()
        try s.write("blocker", "a file, not a folder")
        #expect(Self.failure(s, ["fit", "--baac", "gen", "--output", "blocker/run"], status: 73).contains("blocker/run"))
        #expect(Self.failure(s, ["predict", "--model", "runs/m/model.aml", "--baac", "gen", "--output", "blocker/p.csv"],
                             status: 73).contains("blocker"))
        try FileManager.default.createDirectory(at: s.url("taken.csv"), withIntermediateDirectories: true)
        #expect(Self.failure(s, ["predict", "--model", "runs/m/model.aml", "--baac", "gen", "--output", "taken.csv"],
                             status: 73).contains("taken.csv"))
        #expect(try s.listing().filter { $0.hasPrefix(".") }.isEmpty, "no temporary file left")
        #expect(try s.listing("taken.csv").isEmpty)
    }

    @Test func everyLibraryErrorIsClassified() {
        #expect(CLIError(classifying: BAACReadError.noBAACFiles(folder: "f")).kind == .missingInput)
        #expect(CLIError(classifying: BAACReadError.malformedRow(file: "f", line: 2, detail: "d")).kind == .data)
        #expect(CLIError(classifying: NumericCSVError.cannotRead(file: "f", reason: "r")).kind == .missingInput)
        #expect(CLIError(classifying: NumericCSVError.noHeader(file: "f")).kind == .data)
        #expect(CLIError(classifying: ModelFileError.notAModelFile(path: "m")).kind == .data)
        #expect(CLIError(classifying: LogisticRegressionError.noRows).kind == .data)
        #expect(CLIError(classifying: BAACWriteError.writeFailed(path: "p", reason: "r")).kind == .cannotCreate)
        struct Unexpected: Error {}
        let bug = CLIError(classifying: Unexpected())
        #expect(bug.kind == .internal && bug.message.contains("bug"))
    }
}
