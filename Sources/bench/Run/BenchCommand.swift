import ArgumentParser

/// The `bench` tool: measures AccidentML against its peers in one run.
///
/// The default subcommand runs the benchmarks; `gbdt-child` is the hidden training process
/// the GBDT section starts for each of our measurements.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark AccidentML against LightGBM, XGBoost, scikit-learn, lleaves and pandas.",
        subcommands: [RunBench.self, GBDTChild.self],
        defaultSubcommand: RunBench.self
    )
}
