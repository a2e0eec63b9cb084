import AccidentML

/// Shows a training job's events: a progress bar per model trained, fold metrics as notes,
/// encoding reports as details.
struct TrainingProgressBars {
    /// Where the bars and notes go.
    let log: Log
    private var bar: ProgressBar?

    /// Bars and notes on `log`.
    init(log: Log) { self.log = log }

    /// Draws or prints one event.
    mutating func handle(_ event: TrainingEvent) {
        switch event {
        case let .encoded(part, report):
            log.detail("encoded \(part): \(report)")
        case let .started(stage, kind, steps):
            bar = switch stage {
            case .holdOut: ProgressBar(console: log.console, verbosity: log.verbosity, label: "\(kind)", total: steps)
            case let .fold(i, k): ProgressBar(console: log.console, verbosity: log.verbosity, label: "fold \(i)/\(k)",
                                              total: steps, summaryVerbosity: .verbose)
            case .final: ProgressBar(console: log.console, verbosity: log.verbosity, label: "final \(kind)", total: steps)
            }
        case let .step(_, done, detail):
            bar?.update(done, detail: detail)
        case let .finished(_, summary):
            bar?.finish(summary)
            bar = nil
        case let .foldScored(i, k, metrics):
            log.note("fold \(i)/\(k): " + metrics.map { "\($0.name) \(Format.metric($0.value))" }.joined(separator: ", "))
        }
    }
}
