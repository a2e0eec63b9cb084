import ArgumentParser

/// `train default` (what `train` runs with no arguments): the default model on the default data.
struct DefaultCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "default",
        abstract: "Train the default model on data/default/ and write runs/default/ (what `train` alone runs).",
        discussion: """
            Gradient-boosted trees for the accident unit (was anyone killed or hospitalised?), 20 % \
            stratified validation with early stopping on AUC, seed 42. data/default/ is looked for in \
            the current folder, then in the package of the executable. When MLFLOW_TRACKING_URI is set, \
            the run is then logged to that MLflow server (experiment accidentml); --tracking-uri, \
            --experiment and --register work as for `train fit`.
            """)

    @OptionGroup(title: "Run") var options: RunOptions
    @OptionGroup(title: "Tracking") var tracking: TrackingOptions

    @Option(help: ArgumentHelp("The run folder.", valueName: "folder"))
    var output = "runs/default"

    func run() throws {
        let console = Console.current
        try FitJob.runAndSummarize(DefaultJob.plan(data: try DefaultJob.locateData(console), output: console.url(output),
                                                   threads: options.threads),
                                   verbosity: options.verbosity, console: console)
        try FitTracking(tracking, environment: console.environment)?
            .track(runFolder: console.url(output), console: console, verbosity: options.verbosity)
    }
}
