import AccidentML
import ArgumentParser

/// The `bench` tool: measures AccidentML against its peers in one run.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark AccidentML against LightGBM, XGBoost, scikit-learn, lleaves and pandas."
    )

    func run() throws {
        print("bench: not yet implemented")
    }
}
