import AccidentML
import ArgumentParser
import Foundation

/// The default subcommand: runs the selected sections, prints the Markdown report and writes
/// it to `--output`, with the raw figures in `bench.json` beside it.
struct RunBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the benchmarks (the default subcommand).",
        discussion: "Run from the package root: swift run -c release bench [--quick] [--only parse,gbdt]")

    @Flag(help: "3 repeats and smaller sizes (a few minutes).")
    var quick = false
    @Option(help: "Repeats of every figure (default 5, 3 with --quick).")
    var repeats: Int?
    @Option(help: "Thread counts to measure, comma separated (default 1,2; 1 with --quick).")
    var threads: String?
    @Option(help: "Generated accidents for the parse and synthetic GBDT figures (default 1,000,000, 20,000 with --quick).")
    var rows: Int?
    @Option(help: "Sections to run, comma separated: \(BenchSection.allCases.map(\.rawValue).joined(separator: ",")).")
    var only: String?
    @Option(help: "Markdown report; bench.json is written beside it.")
    var output = "runs/bench/benchmarks.md"
    @Flag(name: .customLong("no-peers"), help: "Measure ours only (no Python).")
    var noPeers = false
    @Flag(help: "Run the peers with OMP_WAIT_POLICY=PASSIVE (idle OpenMP threads sleep instead of spinning).")
    var passivePeers = false
    @Option(help: "The shared data folder (baac2021 is used when present).")
    var sharedData = "../shared/data"
    @Option(help: "The AccidentML package root (holds scripts/peers).")
    var packageRoot = "."
    @Option(help: "Seed of the generated data, the splits and the models.")
    var seed: UInt64 = 42

    func run() throws {
        let start = Stopwatch.now()
        do {
            let settings = try resolve()
            let failures = try runSections(settings, start: start)
            if !failures.isEmpty {
                Progress.say("error: \(failures.count) section(s) failed:\n" + failures.joined(separator: "\n"))
                throw ExitCode.failure
            }
        } catch let error as BenchError {
            Progress.say("error: \(error.description)")
            throw ExitCode(error.exitStatus)
        }
    }

    /// Runs every section (a failed one is reported and the others still run), writes the report.
    private func runSections(_ settings: BenchSettings, start: UInt64) throws(BenchError) -> [String] {
        let machine = MachineInfo.current()
        let peers = settings.runPeers ? try PythonPeers(packageRoot: settings.packageRoot, passive: settings.passivePeers) : nil
        let run = try BenchRun(settings: settings, machine: machine, peers: peers)
        defer { run.finish() }
        var sections: [SectionResult] = [], failures: [String] = []
        for section in settings.sections {
            Progress.say("section \(section.rawValue)")
            do { sections.append(try section.run(run)) } catch {
                failures.append("\(section.rawValue): \(error.description)")
                sections.append(SectionResult(section: section, title: "\(section.rawValue) (failed)",
                                              notes: ["**Failed:** \(error.description)"]))
            }
        }
        let report = BenchReport(
            command: settings.command, machine: machine, repeats: settings.repeats, threads: settings.threads,
            rows: settings.rows, quick: settings.quick, peersRun: peers != nil, passivePeers: settings.passivePeers,
            peerVersions: run.peerVersions, peerBLASKernels: run.peerBLASKernels.sorted(), sections: sections,
            loadAtEnd: MachineInfo.loadAverage(), elapsedSeconds: Double(Stopwatch.now() - start) / 1e9)
        let markdown = MarkdownReport.render(report)
        print(markdown)
        do {
            try FileManager.default.createDirectory(at: settings.output.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try OutputFile.write(Array(markdown.utf8), to: settings.output.path)
        } catch {
            throw .io(path: settings.output.path, detail: "cannot write the report: \(error)")
        }
        try report.writeJSON(to: settings.jsonOutput)
        Progress.say("wrote \(settings.output.path) and \(settings.jsonOutput.path)")
        return failures
    }

    /// The options checked and resolved against the package root.
    func resolve() throws(BenchError) -> BenchSettings {
        let root = URL(fileURLWithPath: packageRoot).standardizedFileURL
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("scripts/peers/setup-venv.sh").path) else {
            throw .notPackageRoot(path: root.path)
        }
        let threads = self.threads ?? (quick ? "1" : "1,2")
        let threadCounts = threads.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !threadCounts.isEmpty, threadCounts.allSatisfy({ ($0 ?? 0) >= 1 }) else {
            throw .invalidOption(name: "--threads", detail: "'\(threads)' is not a comma-separated list of counts >= 1")
        }
        var sections = BenchSection.allCases
        if let only {
            let names = only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if let bad = names.first(where: { BenchSection(rawValue: $0) == nil }) {
                throw .invalidOption(name: "--only", detail: "unknown section '\(bad)'; expected some of "
                                     + BenchSection.allCases.map(\.rawValue).joined(separator: ","))
            }
            sections = sections.filter { names.contains($0.rawValue) }
        }
        let repeats = self.repeats ?? (quick ? 3 : 5), rows = self.rows ?? (quick ? 20_000 : 1_000_000)
        guard repeats >= 1 else { throw .invalidOption(name: "--repeats", detail: "must be at least 1, got \(repeats)") }
        guard rows >= 100 else { throw .invalidOption(name: "--rows", detail: "must be at least 100, got \(rows)") }
        func resolved(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path).standardizedFileURL
        }
        // Checked now, not after an hour of benchmarks: an existing --output must be a file.
        if FileManager.default.fileExists(atPath: resolved(output).deletingLastPathComponent().path) {
            do { _ = try OutputDestination.resolve(resolved(output).path) } catch {
                throw .invalidOption(name: "--output", detail: error.description)
            }
        }
        return BenchSettings(
            repeats: repeats, threads: threadCounts.map { $0! }, rows: rows, sections: sections, quick: quick,
            runPeers: !noPeers, passivePeers: passivePeers, packageRoot: root, sharedData: resolved(sharedData),
            output: resolved(output), seed: seed,
            command: (["swift", "run", "-c", "release", "bench"] + CommandLine.arguments.dropFirst())
                .map(Subprocess.quoted).joined(separator: " "))
    }
}

extension BenchSection {
    /// Runs this section.
    func run(_ run: BenchRun) throws(BenchError) -> SectionResult {
        switch self {
        case .parse: try ParseBenchmark.run(run)
        case .gbdt: try GBDTBenchmark.run(run)
        case .accuracy: try AccuracyBenchmark.run(run)
        case .fit: try FitBenchmark.run(run)
        case .logistic: try LogisticBenchmark.run(run)
        case .inference: try InferenceBenchmark.run(run)
        case .bandwidth: try BandwidthBenchmark.run(run)
        }
    }
}
