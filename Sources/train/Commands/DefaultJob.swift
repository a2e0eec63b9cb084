import AccidentML
import Foundation

/// The default job (`train default`, which `train` alone runs): the default model on the embedded default data.
enum DefaultJob {
    /// The default data folder, relative to the package root.
    static let dataPath = "data/default"

    /// The plan: accident unit, gradient-boosted trees with the tool's defaults (early stopping
    /// on AUC), 20 % stratified validation, seed 42, written to `output`.
    static func plan(data: URL, output: URL, threads: Int) -> FitPlan {
        var trees = ModelTrainer.defaultTrees
        trees.seed = 42
        trees.threads = threads
        return FitPlan(source: .baac(folders: [data], skipBadRows: false), unit: .accident,
                       job: TrainingJob(trainer: .gbdt(trees, metric: .auc), validation: .default, seed: 42, threads: threads),
                       metric: .auc, runFolder: output)
    }

    /// `data/default` under the current directory, else under the package root of the
    /// executable (`<root>/.build/<config>/train`); a clear error when neither has it.
    static func locateData(_ console: Console) throws -> URL {
        let here = console.currentDirectory.appendingPathComponent(dataPath)
        if InputPath.isFolder(here) { return here }
        var folder = console.executableURL?.deletingLastPathComponent()
        while let f = folder, f.path != "/" {
            let candidate = f.appendingPathComponent(dataPath)
            if InputPath.isFolder(candidate) { return candidate }
            folder = f.deletingLastPathComponent()
        }
        throw CLIError(kind: .missingInput, message: """
            the default data \(dataPath)/ is neither in the current folder (\(console.currentDirectory.path)) \
            nor in the package of this executable\(console.executableURL.map { " (\($0.path))" } ?? ""). \
            Fix: run `train` from the AccidentML package folder, recreate it with `train generate --output \(dataPath)`, \
            or train on other data with `train fit --baac FOLDER`.
            """)
    }
}
