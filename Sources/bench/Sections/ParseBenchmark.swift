import AccidentML
import Foundation

/// Section 1: raw BAAC parsing throughput, `BAACReader` against pandas `read_csv`, on a
/// generated year in the 2019 layout.
enum ParseBenchmark {
    static func run(_ run: BenchRun) throws(BenchError) -> SectionResult {
        let s = run.settings
        let folder = run.workspace.appendingPathComponent("baac-year")
        Progress.say("parse: writing \(Format.count(s.rows)) synthetic accidents (2019 layout) to \(folder.path)")
        let files: BAACYearFiles
        do {
            files = try SyntheticBAAC(seed: s.seed, year: 2021).write(count: s.rows, to: folder, layout: .y2019)
        } catch {
            throw .library(section: "parse", detail: "writing the synthetic year failed: \(error.description)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let megabytes = Double(files.byteCount) / 1e6

        Progress.say("parse: BAACReader, \(s.repeats) repeats")
        let reader = BAACReader()
        var rowsRead = 0
        let ours = try Stopwatch.measure("AccidentML BAACReader", repeats: s.repeats) { () throws(BenchError) in
            do throws(BAACReadError) { rowsRead = try reader.read(folder: folder).tables.users.count } catch {
                throw .library(section: "parse", detail: "BAACReader failed on the generated year: \(error.description)")
            }
        }
        var peer: MeasuredSide?
        if let peers = run.peers {
            let out = try run.runPeer(peers.pandasRead(folder: folder, repeats: s.repeats), as: PandasReadOutput.self) { $0.context }
            let version = out.context.versions["pandas"].map { " \($0)" } ?? ""
            peer = MeasuredSide(name: "pandas\(version) read_csv", summary: Summary(out.read.seconds),
                               loadBefore: out.context.loadavgBefore, loadAfter: out.context.loadavgAfter)
                .converted { $0.reciprocal(times: Double(out.bytes) / 1e6) }
        }
        let figure = Figure(label: "read a year of \(Format.count(s.rows)) accidents (\(Format.number(megabytes)) MB)",
                            threads: "ours all (\(run.machine.cores))" + (peer == nil ? "" : ", pandas 1"),
                            unit: "MB/s", better: .higher,
                            ours: ours.converted { $0.reciprocal(times: megabytes) }, peer: peer)
        return SectionResult(
            section: .parse, title: "BAAC parse throughput (MB/s)",
            notes: [
                "Input: SyntheticBAAC seed \(s.seed), year 2021 in the 2019 layout (`;`, quoted fields, decimal commas), "
                    + "4 files, \(Format.count(files.byteCount)) bytes, \(Format.count(files.rowCounts.reduce(0, +))) data rows "
                    + "(\(Format.count(rowsRead)) users read back).",
                "Ours: `BAACReader().read(folder:)`, the whole read (decode, normalise, integrity checks) on all cores; "
                    + "pandas: `read_csv(dtype=str, na_filter=False)` of the four files (raw strings, no normalisation), one thread.",
                "Both after one untimed warm-up read (files in the page cache); MB = 10^6 bytes.",
            ],
            figures: [figure])
    }
}
