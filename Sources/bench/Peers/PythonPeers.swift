import Foundation

/// The Python peers of `scripts/peers/`, run through the virtual environment that
/// `setup-venv.sh` creates (or finds up to date).
struct PythonPeers: Sendable {
    let python: URL
    let scripts: URL
    /// `OMP_WAIT_POLICY=PASSIVE` for every peer (`--passive-peers`).
    let passive: Bool

    /// Creates or reuses the venv; throws a clear error when Python or the packages are missing.
    init(packageRoot: URL, passive: Bool) throws(BenchError) {
        scripts = packageRoot.appendingPathComponent("scripts/peers")
        self.passive = passive
        let setup = Subprocess(executable: URL(fileURLWithPath: "/bin/bash"),
                               arguments: [scripts.appendingPathComponent("setup-venv.sh").path])
        Progress.say("setting up the peers' Python environment (scripts/peers/setup-venv.sh)")
        let stdout: Data
        do { stdout = try setup.run() } catch {
            throw .pythonUnavailable(detail: error.description)
        }
        let path = String(decoding: stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !path.isEmpty, FileManager.default.isExecutableFile(atPath: path) else {
            throw .pythonUnavailable(detail: "setup-venv.sh printed '\(path)', which is not an executable python")
        }
        python = URL(fileURLWithPath: path)
    }

    /// A peer script with its arguments, in the peers' environment.
    func script(_ name: String, _ arguments: [String]) -> Subprocess {
        Subprocess(executable: python, arguments: [scripts.appendingPathComponent(name).path] + arguments,
                   environment: passive ? ["OMP_WAIT_POLICY": "PASSIVE"] : [:])
    }

    /// `gbdt_peer.py` on a prepared data set.
    func gbdt(library: String, data: Dataset, hyper: GBDTHyper, threads: Int, repeats: Int,
              saveModel: URL? = nil) -> Subprocess {
        var arguments = ["--library", library] + data.peerArguments + hyper.peerArguments
        arguments += ["--threads", "\(threads)", "--repeats", "\(repeats)"]
        if let saveModel { arguments += ["--save-model", saveModel.path] }
        return script("gbdt_peer.py", arguments)
    }

    /// `accuracy_peer.py`: LightGBM and XGBoost with their own defaults on every split of
    /// `splits` (the features and labels of `data`), `categorical` declared categorical in the
    /// `lightgbm-categorical` model; the test probabilities of split `probabilitiesOf` come back too.
    func accuracy(data: Dataset, splits: [AccuracySplit], categorical: [String], probabilitiesOf: String, threads: Int,
                  seed: UInt64) -> Subprocess {
        var arguments = ["--features", data.features.path, "--labels", data.labels.path]
        for split in splits { arguments += ["--split", split.name, split.trainRows.path, split.testRows.path] }
        arguments += ["--categorical", categorical.joined(separator: ","), "--probabilities-of", probabilitiesOf,
                      "--threads", "\(threads)", "--seed", "\(seed)"]
        return script("accuracy_peer.py", arguments)
    }

    /// `logistic_peer.py` on a prepared data set, standardised.
    func logistic(data: Dataset, c: Double, tolerance: Double, maxIterations: Int, threads: Int,
                  repeats: Int) -> Subprocess {
        script("logistic_peer.py", data.peerArguments
               + ["--C", "\(c)", "--standardize", "--tol", "\(tolerance)", "--max-iter", "\(maxIterations)",
                  "--threads", "\(threads)", "--repeats", "\(repeats)"])
    }

    /// `inference_peer.py` on a LightGBM text model.
    func inference(model: URL, features: URL, batches: [Int], threads: [Int], repeats: Int,
                   singleCalls: Int) -> Subprocess {
        script("inference_peer.py", ["--model", model.path, "--features", features.path, "--batch"]
               + batches.map(String.init) + ["--threads"] + threads.map(String.init)
               + ["--repeats", "\(repeats)", "--single-calls", "\(singleCalls)"])
    }

    /// `pandas_read_peer.py` on a BAAC year folder.
    func pandasRead(folder: URL, repeats: Int) -> Subprocess {
        script("pandas_read_peer.py", ["--folder", folder.path, "--repeats", "\(repeats)"])
    }
}
