import AccidentML

/// What `evaluate` and `predict` start from: the console and log, the clock, the loaded model
/// and the data source, its inputs checked to exist before any work is done.
struct ModelRun {
    /// Where output and paths are resolved.
    let console: Console
    /// Progress and detail lines at the run's verbosity.
    let log: Log
    /// Started before the model is loaded: the run's total time.
    let total = Stopwatch()
    /// The model file, loaded and verified.
    let model: AccidentModel
    /// The data the run reads, which exists.
    let source: DataSource

    /// Loads the model at `modelPath` (a file or a `models:/` reference) and checks the data source's inputs.
    init(modelPath: String, registry: RegistryOptions, data: DataSourceOptions, options: RunOptions) throws {
        console = Console.current
        log = Log(console: console, verbosity: options.verbosity)
        model = try ModelLoader.load(modelPath, registry: registry, console: console).model
        source = try data.source(in: console)
        try source.checkInputsExist(in: console)
    }
}
