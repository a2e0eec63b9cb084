import AccidentML
import ArgumentParser

/// `train fit`: trains a model on BAAC folders or a feature CSV and writes its run folder.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Train a model and write its run folder (model.aml, metrics.json, report.html).",
        discussion: """
            Examples:
              train fit --baac data/baac --unit person --output runs/person
              train fit --features X_train.csv --labels y_train.csv --folds 5
              train fit --features X_train.csv --labels y_train.csv --validation-data X_valid.csv --validation-labels y_valid.csv
              train fit --features X_train.csv --labels y_train.csv --validation-fraction 0 --trees 200
              train fit --database-url postgres://user:password@localhost/accidents --years 2019-2021
              train fit --baac data/baac --tracking-uri http://127.0.0.1:5000 --register accident-severity

            With --tracking-uri (or MLFLOW_TRACKING_URI) the run folder is written first, then logged to \
            MLflow (docs/registry.md); a tracking failure exits with status 69 and names the failed step.
            """)

    @OptionGroup(title: "Data") var data: DataSourceOptions
    @OptionGroup(title: "Model") var model: ModelOptions
    @OptionGroup(title: "Validation") var validation: ValidationOptions
    @OptionGroup(title: "Run") var options: RunOptions
    @OptionGroup(title: "Tracking") var tracking: TrackingOptions

    @Option(help: ArgumentHelp("The run folder to write (default: runs/<model>-<unit>).", valueName: "folder"))
    var output: String?

    func validate() throws {
        try data.check(needsLabels: true)
        try data.checkValidation(validation)
        if model.model == .logistic, validation.earlyStopping != nil {
            throw ValidationError("--early-stopping applies to --model gbdt; logistic regression runs L-BFGS to convergence.")
        }
        if model.model == .logistic, validation.curveEvery != nil {
            throw ValidationError("--curve-every applies to --model gbdt; logistic regression records no learning curve.")
        }
        // The core checks the values; its message is prefixed with the flag that gave the value.
        do { try job.validate() } catch let error as any AccidentMLError {
            throw ValidationError((CLIError.flag(for: error).map { "\($0): " } ?? "") + error.description)
        }
    }

    /// The core's training job the flags describe.
    var job: TrainingJob {
        TrainingJob(trainer: model.trainer(threads: options.threads, seed: validation.seed, metric: validation.metric,
                                           earlyStopping: validation.patience, plan: validation.plan),
                    validation: validation.plan, seed: validation.seed, threads: options.threads, curve: validation.curve)
    }

    func run() throws {
        let console = Console.current
        let plan = FitPlan(source: try data.source(in: console), validationSource: data.validationSource(validation, in: console),
                           unit: model.unit, job: job, metric: validation.metric,
                           runFolder: console.url(output ?? "runs/\(model.model.rawValue)-\(model.unit.rawValue)"))
        try FitJob.runAndSummarize(plan, verbosity: options.verbosity, console: console)
        try FitTracking(tracking, environment: console.environment)?
            .track(runFolder: plan.runFolder, console: console, verbosity: options.verbosity)
    }
}
