import AccidentML
import Benchmark
import Foundation

/// The micro-benchmarks of the hot kernels, through the public API (internal kernels are
/// measured at their nearest public entry point; release builds cannot `@testable import`).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 1_000
    )
    // Each benchmark process generates its input files once; remove them when it exits.
    atexit { Fixtures.removeFolder() }
    dataBenchmarks()
    trainingBenchmarks()
    inferenceBenchmarks()
}

/// CSV field scanning and the BAAC reader.
func dataBenchmarks() {
    // CSVScanner + ByteNumber through the public numeric-CSV loader: 20k rows x 28 columns.
    Benchmark("CSV scan: numeric CSV 20k x 28 (NumericCSV.loadFeatures)") { benchmark in
        let url = Fixtures.numericCSV
        benchmark.startMeasurement()
        blackHole(try NumericCSV.loadFeatures(url, as: Float.self))
    }
    // The four files of a generated 2021 year (5k accidents), read and joined by key.
    Benchmark("BAAC reader: generated 2021 year, 5k accidents") { benchmark in
        let url = Fixtures.baacYear
        benchmark.startMeasurement()
        blackHole(try BAACReader().read(folder: url))
    }
}

/// GBDT training at its public entry point, on 20k rows x 28 columns, one thread.
func trainingBenchmarks() {
    func parameters(rounds: Int, leaves: Int) -> GBDTParameters {
        var p = GBDTParameters()
        p.rounds = rounds
        p.numLeaves = leaves
        p.seed = 7
        return p
    }
    // Binning (FeatureBinMapper + BinnedDataset) dominates: one root histogram, one split.
    Benchmark("GBDT binning + 1 stump (1 round, 2 leaves)") { benchmark in
        let data = Fixtures.training
        let trainer = GBDTTrainer(parameters: parameters(rounds: 1, leaves: 2))
        benchmark.startMeasurement()
        blackHole(try trainer.train(data))
    }
    // Binning plus one full round: 31-leaf tree, histograms (with subtraction) and split finding.
    Benchmark("GBDT binning + 1 round (31 leaves)") { benchmark in
        let data = Fixtures.training
        let trainer = GBDTTrainer(parameters: parameters(rounds: 1, leaves: 31))
        benchmark.startMeasurement()
        blackHole(try trainer.train(data))
    }
    // Ten rounds: (this - 1 round) / 9 is the cost of one round without binning.
    Benchmark("GBDT binning + 10 rounds (31 leaves)", configuration: .init(maxIterations: 50)) { benchmark in
        let data = Fixtures.training
        let trainer = GBDTTrainer(parameters: parameters(rounds: 10, leaves: 31))
        benchmark.startMeasurement()
        blackHole(try trainer.train(data))
    }
}

/// Flattened-forest and logistic inference, and the model-file load.
func inferenceBenchmarks() {
    Benchmark("Forest batch inference: 1k rows, 300 trees") { benchmark in
        let model = Fixtures.forest, x = Fixtures.batch
        benchmark.startMeasurement()
        blackHole(model.predictProbabilities(x, threads: 1))
    }
    Benchmark("Forest single-row inference: 300 trees",
              configuration: .init(scalingFactor: .kilo)) { benchmark in
        let model = Fixtures.forest, row = Fixtures.singleRow
        var out = [Float](repeating: 0, count: model.classCount)
        benchmark.startMeasurement()
        row.withUnsafeBufferPointer { r in
            out.withUnsafeMutableBufferPointer { o in
                for _ in benchmark.scaledIterations {
                    model.predictProbabilities(row: r, into: o)
                    blackHole(o[0])
                }
            }
        }
    }
    // One sgemv/sgemm for the logits, then the SIMD sigmoid.
    Benchmark("Logistic BLAS batch: 10k rows x 28, 1 thread") { benchmark in
        let model = Fixtures.logistic, x = Fixtures.logisticBatch
        benchmark.startMeasurement()
        blackHole(model.predictProbabilities(x, threads: 1))
    }
    Benchmark("Model file load: 300-tree GBDT") { benchmark in
        let url = Fixtures.modelFile
        benchmark.startMeasurement()
        blackHole(try AccidentModel.load(from: url))
    }
}
