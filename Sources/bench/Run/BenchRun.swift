import AccidentML
import Foundation

/// The state shared by the sections of one run: settings, machine, peers, the scratch
/// folder, and the data sets and models made once and used by several sections.
final class BenchRun {
    let settings: BenchSettings
    let machine: MachineInfo
    /// Nil with `--no-peers`.
    let peers: PythonPeers?
    /// Scratch folder of generated files, removed by `finish()`.
    let workspace: URL
    /// Versions the peers reported (library name → version), merged over the run.
    private(set) var peerVersions: [String: String] = [:]
    /// OpenBLAS kernels the peers' numpy used (threadpoolctl `architecture`).
    private(set) var peerBLASKernels: Set<String> = []

    private var cachedReal: Dataset??
    private var cachedTrees: Dataset?
    private var cachedLinear: Dataset?
    /// The LightGBM text model of the inference data set, once a section has trained it.
    var lightGBMModel: URL?

    init(settings: BenchSettings, machine: MachineInfo, peers: PythonPeers?) throws(BenchError) {
        self.settings = settings
        self.machine = machine
        self.peers = peers
        workspace = FileManager.default.temporaryDirectory
            .appendingPathComponent("accidentml-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try Dataset.makeFolder(workspace)
    }

    /// Removes the scratch folder.
    func finish() {
        try? FileManager.default.removeItem(at: workspace)
    }

    /// The real accident set when `../shared/data/baac2021` is there, else nil.
    func realData() throws(BenchError) -> Dataset? {
        if let cachedReal { return cachedReal }
        var data: Dataset?
        if let folder = settings.baac2021 {
            Progress.say("loading \(folder.path) and writing its 70/30 split")
            data = try Dataset.baac2021(from: folder, in: workspace.appendingPathComponent("baac2021"), seed: settings.seed)
        } else {
            Progress.say("\(settings.sharedData.path)/baac2021 not found: synthetic data only")
        }
        cachedReal = .some(data)
        return data
    }

    /// `--rows` generated accidents encoded for trees.
    func syntheticTrees() throws(BenchError) -> Dataset {
        if let cachedTrees { return cachedTrees }
        Progress.say("generating \(Format.count(settings.rows)) synthetic accidents encoded for trees")
        let data = try Dataset.synthetic(rows: settings.rows, family: .trees,
                                         in: workspace.appendingPathComponent("synthetic-trees"), seed: settings.seed)
        cachedTrees = data
        return data
    }

    /// Generated accidents encoded for linear models (one-hot), at most `linearRows` of them.
    func syntheticLinear() throws(BenchError) -> Dataset {
        if let cachedLinear { return cachedLinear }
        let rows = min(settings.rows, Self.linearRows)
        Progress.say("generating \(Format.count(rows)) synthetic accidents encoded for linear models")
        let data = try Dataset.synthetic(rows: rows, family: .linear,
                                         in: workspace.appendingPathComponent("synthetic-linear"), seed: settings.seed)
        cachedLinear = data
        return data
    }

    /// Cap of the one-hot synthetic set: its ~100 float64 columns per row on the Python side
    /// would take gigabytes at a million rows on a shared machine.
    static let linearRows = 200_000

    /// The data set of the inference section: the real one when present.
    func inferenceData() throws(BenchError) -> Dataset {
        if let real = try realData() { return real }
        return try syntheticTrees()
    }

    /// Runs a peer, keeping the versions and BLAS kernels it reports.
    func runPeer<Output: Decodable>(_ command: Subprocess, as type: Output.Type,
                                    context: (Output) -> PeerContext?) throws(BenchError) -> Output {
        Progress.say("peer: \(command.commandLine)")
        let output = try command.runJSON(type)
        if let c = context(output) { record(c.versions, kernels: c.threadPools.compactMap(\.architecture)) }
        return output
    }

    /// Keeps versions and kernels reported by a peer.
    func record(_ versions: [String: String], kernels: [String] = []) {
        peerVersions.merge(versions) { a, _ in a }
        peerBLASKernels.formUnion(kernels)
    }
}
