import AccidentML
import ArgumentParser
import Foundation

/// Hidden subcommand: our GBDT training measured in a process of its own, as the peers are,
/// so that its peak RSS (`VmHWM`) is only ours. Takes `gbdt_peer.py`'s flags and prints the
/// same JSON fields.
struct GBDTChild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gbdt-child", abstract: "Train our GBDT and print one JSON object (used by bench).",
        shouldDisplay: false)

    @Option var features: String
    @Option var labels: String
    @Option var trainRows: String
    @Option var testRows: String
    @Option var trees = 300
    @Option var learningRate = 0.1
    @Option var numLeaves = 31
    @Option var maxDepth = 6
    @Option var minDataInLeaf = 20
    @Option var seed: UInt64 = 42
    @Option var threads = 1
    @Option var repeats = 3

    func run() throws {
        do { try measure() } catch {
            FileHandle.standardError.write(Data("gbdt-child: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }

    private func measure() throws(BenchError) {
        let (train, test) = try loadSplit()
        let hyper = GBDTHyper(trees: trees, learningRate: learningRate, numLeaves: numLeaves, maxDepth: maxDepth,
                              minDataInLeaf: minDataInLeaf, seed: seed)
        let trainer = GBDTTrainer(parameters: hyper.parameters(threads: threads))
        var seconds: [Double] = [], peaks: [Double] = [], before: [Double] = []
        var model: GBDTModel?
        let loadBefore = MachineInfo.loadAverage()
        for _ in 0..<repeats {
            model = nil
            try ProcessMemory.resetPeak()
            before.append(Double(try ProcessMemory.residentBytes()))
            let start = Stopwatch.now()
            do { model = try trainer.train(train) } catch {
                throw .library(section: "gbdt-child", detail: "training failed: \(error.description)")
            }
            seconds.append(Double(Stopwatch.now() - start) / 1e9)
            peaks.append(Double(try ProcessMemory.peakBytes()))
        }
        let loadAfter = MachineInfo.loadAverage()
        guard let model else { throw .invalidOption(name: "--repeats", detail: "must be at least 1") }
        let probabilities = model.predictProbabilities(test.features, threads: threads)
        let output = GBDTRunOutput(
            train: .init(seconds: seconds), peakRssBytes: peaks, rssBeforeTrainingBytes: before,
            testAuc: ROCAUC().evaluate(probabilities: probabilities, labels: test.labels, classCount: 2),
            testLogLoss: LogLoss().evaluate(probabilities: probabilities, labels: test.labels, classCount: 2),
            treesBuilt: model.roundCount, loadavgBefore: loadBefore, loadavgAfter: loadAfter,
            versions: ["AccidentML": accidentMLVersion])
        let encoded: Data
        do { encoded = try JSONEncoder().encode(output) } catch {
            throw .badOutput(command: "gbdt-child", detail: "cannot encode the result: \(error)")
        }
        FileHandle.standardOutput.write(encoded + Data("\n".utf8))
    }

    /// The training and test rows; the whole matrix is released before training, as the peers
    /// release theirs (`load_split` keeps only the two selections), so that the RSS compared is
    /// the same data on both sides.
    private func loadSplit() throws(BenchError) -> (train: LabeledMatrix<Float>, test: LabeledMatrix<Float>) {
        let data: LabeledMatrix<Float>
        do {
            data = try NumericCSV.loadLabeled(features: URL(fileURLWithPath: features), labels: URL(fileURLWithPath: labels))
        } catch {
            throw .library(section: "gbdt-child", detail: error.description)
        }
        return (data.selecting(rows: try Self.indices(trainRows, below: data.features.rowCount)),
                data.selecting(rows: try Self.indices(testRows, below: data.features.rowCount)))
    }

    /// The 0-based row indices of a split file (whitespace separated), all below `rowCount`.
    static func indices(_ path: String, below rowCount: Int) throws(BenchError) -> [Int] {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .io(path: path, detail: "cannot read the split file: \(error.localizedDescription)")
        }
        var out: [Int] = []
        for word in text.split(whereSeparator: \.isWhitespace) {
            guard let i = Int(word), (0..<rowCount).contains(i) else {
                throw .io(path: path, detail: "'\(word)' is not a row index in 0..<\(rowCount)")
            }
            out.append(i)
        }
        return out
    }
}
