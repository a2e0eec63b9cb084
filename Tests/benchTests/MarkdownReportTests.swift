import AccidentML
import Foundation
import Testing
@testable import bench

@Suite struct MarkdownReportTests {
    func measurement(_ name: String, _ samples: [Double]) -> MeasuredSide {
        MeasuredSide(name: name, summary: Summary(samples), loadBefore: [1.5, 1, 1], loadAfter: [2.25, 1, 1])
    }

    @Test func numbersHaveThreeSignificantDigitsAndGroupedThousands() {
        #expect(Format.count(1_234_567) == "1,234,567")
        #expect(Format.count(-1000) == "-1,000")
        #expect(Format.count(999) == "999")
        #expect(Format.number(0.0012345) == "0.00123")
        #expect(Format.number(12.345) == "12.3")
        #expect(Format.number(456.7) == "457")
        #expect(Format.number(4567.8) == "4,568")
        #expect(Format.number(.nan) == "n/a")
        #expect(Format.summary(Summary([1, 2, 3])) == "2.00 (1.00–3.00)")
        #expect(Format.summary(Summary([5])) == "5.00 (1 run)")
    }

    @Test func tablesEscapePipesAndHaveOneSeparatorPerColumn() {
        let lines = MarkdownReport.table(TextTable(title: "t", header: ["a", "b"], rows: [["x|y", "z"]]))
        #expect(lines == ["| a | b |", "| --- | --- |", "| x\\|y | z |"])
    }

    @Test func figureRowsCarryRatioVerdictAndLoads() {
        let withPeer = Figure(label: "train", threads: "1", unit: "s", better: .lower,
                              ours: measurement("AccidentML", [1, 1.1, 1.2]), peer: measurement("LightGBM", [3, 3.1, 3.2]))
        let alone = Figure(label: "train", threads: "2", unit: "s", better: .lower,
                           ours: measurement("AccidentML", [1]), peer: nil)
        let rows = MarkdownReport.figureTable([withPeer, alone]).rows
        #expect(rows[0] == ["train (s)", "1", "1.10 (1.00–1.20)", "LightGBM", "3.10 (3.00–3.20)", "0.355×", "**win**",
                            "1.50→2.25; 1.50→2.25"])
        #expect(rows[1][3...6] == ["—", "—", "—", "—"])
    }

    @Test func reportHasTheCommandContextAndNumberedSections() {
        var section = SectionResult(section: .parse, title: "BAAC parse", notes: ["a note"])
        section.figures = [Figure(label: "read", threads: "1", unit: "MB/s", better: .higher,
                                  ours: measurement("AccidentML", [100, 110, 90]),
                                  peer: measurement("pandas", [100, 101, 99]))]
        var bandwidth = SectionResult(section: .bandwidth, title: "Bandwidth", showsFigureTable: false)
        bandwidth.figures = section.figures
        bandwidth.tables = [TextTable(title: "Bound", header: ["Threads"], rows: [["1"]])]
        let report = BenchReport(
            command: "swift run -c release bench --quick", machine: MachineInfo.current(), repeats: 3, threads: [1],
            rows: 100, quick: true, peersRun: true, passivePeers: true, peerVersions: ["lightgbm": "4.7.0"],
            peerBLASKernels: [], sections: [section, bandwidth], loadAtEnd: [1, 1, 1], elapsedSeconds: 60)
        let text = MarkdownReport.render(report)
        #expect(text.contains("```sh\nswift run -c release bench --quick\n```"))
        #expect(text.contains("## 1. BAAC parse") && text.contains("## 2. Bandwidth"))
        #expect(text.contains("- a note"))
        #expect(text.contains("**tie (noise)**"))
        #expect(text.contains("OMP_WAIT_POLICY=PASSIVE set for the peers"))
        #expect(text.contains("lightgbm 4.7.0"))
        #expect(text.components(separatedBy: "| Figure |").count == 2, "the bandwidth figures stay out of the tables")
        #expect(text.contains("**Bound**"))
    }
}
