/// Notes on stderr, filtered by verbosity (results go to stdout, never through this).
struct Log {
    /// Where notes go.
    let console: Console
    /// How much to print.
    let verbosity: Verbosity

    /// A note shown unless `--quiet`.
    func note(_ text: @autoclosure () -> String) {
        if verbosity >= .normal { console.err.line(text()) }
    }

    /// A detail shown with `--verbose` only.
    func detail(_ text: @autoclosure () -> String) {
        if verbosity >= .verbose { console.err.line(text()) }
    }
}
