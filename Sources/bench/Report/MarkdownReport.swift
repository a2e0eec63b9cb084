import AccidentML
import Foundation

/// Renders a `BenchReport` as Markdown: the command, the context, then one part per section
/// with its notes, its comparison table and its extra tables.
enum MarkdownReport {
    static func render(_ report: BenchReport) -> String {
        var lines = ["# AccidentML benchmarks", "",
                     "Made by:", "", "```sh", report.command, "```", ""]
        lines += ["## Context", ""] + table(contextTable(report)) + [""]
        lines += ["How to read the tables: every figure is the median of its repeats with the min–max range in "
                  + "brackets. *Ours/peer* is the ratio of the medians. The verdict is **win** or **loss** only "
                  + "when the medians differ by more than the two min–max ranges added together, otherwise "
                  + "**tie (noise)**. *Load* is the 1-minute load average before→after the measurement of each "
                  + "side (ours; peer): on a busy machine both sides slow down, unevenly.", ""]
        for (number, section) in report.sections.enumerated() {
            lines += ["## \(number + 1). \(section.title)", ""]
            lines += section.notes.map { "- \($0)" } + (section.notes.isEmpty ? [] : [""])
            if section.showsFigureTable && !section.figures.isEmpty {
                lines += table(figureTable(section.figures)) + [""]
            }
            for extra in section.tables where !extra.rows.isEmpty {
                lines += ["**\(extra.title)**", ""] + table(extra) + [""]
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The run's context as a two-column table.
    static func contextTable(_ r: BenchReport) -> TextTable {
        let m = r.machine
        let env = MachineInfo.recordedVariables.map { "\($0)=\(m.environment[$0] ?? "(unset)")" }.joined(separator: ", ")
        let wait = r.passivePeers ? "OMP_WAIT_POLICY=PASSIVE set for the peers (`--passive-peers`)"
            : "peers run with the libraries' defaults (OpenMP threads spin while idle; `--passive-peers` not used)"
        let versions = r.peerVersions.keys.sorted().map { "\($0) \(r.peerVersions[$0]!)" }.joined(separator: ", ")
        return TextTable(title: "Context", header: ["", ""], rows: [
            ["Date", m.date],
            ["CPU", "\(m.cpuModel), \(m.cores) cores, \(Format.number(m.memoryGiB)) GiB"],
            ["Threads measured", r.threads.map(String.init).joined(separator: ", ")],
            ["OpenBLAS core (ours)", m.openblasCore + (m.environment["OPENBLAS_CORETYPE"] == nil
                                                      ? " (OPENBLAS_CORETYPE not set)" : " (OPENBLAS_CORETYPE set)")],
            ["OpenBLAS kernels of the peers' numpy", r.peerBLASKernels.isEmpty ? "—" : r.peerBLASKernels.joined(separator: ", ")],
            ["Environment", env],
            ["OpenMP waiting", r.peersRun ? wait : "peers not run (`--no-peers`)"],
            ["Load average (1, 5, 15 min)", "start \(loads(m.loadAtStart)), end \(loads(r.loadAtEnd))"],
            ["Swift", m.swiftVersion],
            ["AccidentML", m.accidentMLVersion],
            ["Peers", r.peersRun ? (versions.isEmpty ? "—" : versions) : "not run"],
            ["Repeats", "\(r.repeats) per figure\(r.quick ? " (`--quick`)" : "")"],
            ["Rows", "\(Format.count(r.rows)) generated accidents (parse and synthetic GBDT data)"],
            ["Duration", "\(Format.number(r.elapsedSeconds / 60)) min"],
        ])
    }

    /// The comparison table of a section.
    static func figureTable(_ figures: [Figure]) -> TextTable {
        TextTable(title: "", header: ["Figure", "Threads", "AccidentML", "Peer", "Peer value", "Ours/peer", "Verdict",
                                      "Load (ours; peer)"],
                  rows: figures.map { f in
                      let comparison = f.comparison
                      return ["\(f.label) (\(f.unit))", f.threads, Format.summary(f.ours.summary),
                              f.peer?.name ?? "—", f.peer.map { Format.summary($0.summary) } ?? "—",
                              comparison.map { Format.ratio($0.ratio) } ?? "—",
                              comparison.map { "**\($0.verdict.rawValue)**" } ?? "—",
                              "\(loadSpan(f.ours))" + (f.peer.map { "; \(loadSpan($0))" } ?? "")]
                  })
    }

    /// A table in GitHub Markdown; `|` inside cells is escaped.
    static func table(_ t: TextTable) -> [String] {
        func row(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        precondition(t.rows.allSatisfy { $0.count == t.header.count }, "every row of '\(t.title)' needs \(t.header.count) cells")
        return [row(t.header), row(t.header.map { _ in "---" })] + t.rows.map(row)
    }

    private static func loadSpan(_ m: MeasuredSide) -> String {
        "\(Format.load(m.loadBefore))→\(Format.load(m.loadAfter))"
    }

    private static func loads(_ l: LoadAverage) -> String {
        l.map { String(format: "%.2f", $0) }.joined(separator: " ")
    }
}
