import AccidentML
import Foundation
import Testing
@testable import train

/// Tables, numbers and the progress bar read as intended.
@Suite struct OutputFormattingTests {
    @Test func tablesAlignTheFirstColumnLeftAndTheOthersRight() {
        var table = Table(header: ["metric", "train", "validation"])
        table.add(["auc", "0.8000", "0.7500"])
        table.add(["logloss", "0.4", ""])
        #expect(table.rendered() == """
              metric    train  validation
              ───────  ──────  ──────────
              auc      0.8000      0.7500
              logloss     0.4

            """)
    }

    @Test func numbers() {
        #expect(Format.count(0) == "0" && Format.count(999) == "999" && Format.count(38_288) == "38,288")
        #expect(Format.count(-1_234_567) == "-1,234,567")
        #expect(Format.metric(0.123456) == "0.1235" && Format.metric(.nan) == "n/a")
        #expect(Format.seconds(0.4242) == "0.42 s" && Format.seconds(12.34) == "12.3 s" && Format.seconds(125) == "2 min 05 s")
        #expect(Format.bytes(512) == "512 bytes" && Format.bytes(8_947) == "8.9 KB" && Format.bytes(3_100_000) == "3.1 MB")
    }

    static func console(terminal: Bool) -> Console {
        Console(out: TextOutput(), err: TextOutput(capturingAsTerminal: terminal), currentDirectory: URL(fileURLWithPath: "/"),
                executableURL: nil)
    }

    @Test func theLiveLineShowsProgressMetricAndETA() {
        let bar = ProgressBar(console: Self.console(terminal: true), verbosity: .normal, label: "gbdt", total: 200)
        let line = bar.line(done: 50, detail: "valid auc 0.8123", elapsed: 10)
        #expect(line.hasPrefix("gbdt ▕██████"))
        #expect(line.contains("50/200") && line.contains("valid auc 0.8123") && line.hasSuffix("ETA 30.0 s"))
        #expect(!bar.line(done: 200, detail: "", elapsed: 40).contains("ETA"))
    }

    @Test func aTerminalGetsTheLiveLineThenTheSummary() {
        let console = Self.console(terminal: true)
        let bar = ProgressBar(console: console, verbosity: .normal, label: "fit", total: 3)
        for step in 1...3 { bar.update(step, detail: "step \(step)") }
        bar.finish("done in 1 s")
        let text = console.err.text
        #expect(text.contains("\r") && text.contains("3/3"))
        #expect(text.hasSuffix("\r\u{1B}[Kdone in 1 s\n"), "the live line is cleared before the summary")
    }

    @Test(arguments: [(false, Verbosity.normal, "done\n"), (true, .quiet, ""), (false, .quiet, "")])
    func elsewhereOnlyTheSummaryLine(terminal: Bool, verbosity: Verbosity, expected: String) {
        let console = Self.console(terminal: terminal)
        let bar = ProgressBar(console: console, verbosity: verbosity, label: "fit", total: 3)
        for step in 1...3 { bar.update(step) }
        bar.finish("done")
        #expect(console.err.text == expected)
    }

    @Test func aFoldBarsSummaryIsForVerboseRunsOnly() {
        let normal = Self.console(terminal: false), verbose = Self.console(terminal: false)
        ProgressBar(console: normal, verbosity: .normal, label: "fold", total: 1, summaryVerbosity: .verbose).finish("fold line")
        ProgressBar(console: verbose, verbosity: .verbose, label: "fold", total: 1, summaryVerbosity: .verbose).finish("fold line")
        #expect(normal.err.text.isEmpty && verbose.err.text == "fold line\n")
    }

    @Test func aLiveRunDrawsOnStderrAndKeepsStdoutClean() throws {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "400", "--output", "g", "-q"]).status == 0)
        let live = s.run(["fit", "--baac", "g"], terminal: true)
        #expect(live.status == 0 && live.err.contains("\r") && !live.out.contains("\r"))
        let logged = s.run(["fit", "--baac", "g"])
        #expect(logged.status == 0 && !logged.err.contains("\r") && !logged.err.contains("\u{1B}"))
    }

    @Test func pathsAreShownRelativeToTheCurrentFolder() {
        let console = Console(out: TextOutput(), err: TextOutput(), currentDirectory: URL(fileURLWithPath: "/work/pkg"),
                              executableURL: nil)
        #expect(console.display(URL(fileURLWithPath: "/work/pkg/runs/default/model.aml")) == "runs/default/model.aml")
        #expect(console.display(URL(fileURLWithPath: "/work/pkgs/x")) == "/work/pkgs/x")
        #expect(console.url("runs/a/../b").path == "/work/pkg/runs/b" && console.url("/abs").path == "/abs")
    }
}
