/// Named phase durations in the order they ran, e.g. `load`, `train`, `evaluate`.
public struct PhaseTimes: Sendable {
    /// The phases and their seconds, in the order they first ran.
    public private(set) var phases: [(name: String, seconds: Double)] = []

    /// No phase yet.
    public init() {}

    /// Runs `body` and records its duration under `name` (added to an earlier phase of that name).
    public mutating func measure<R>(_ name: String, _ body: () throws -> R) rethrows -> R {
        let watch = Stopwatch()
        let result = try body()
        add(name, seconds: watch.seconds)
        return result
    }

    /// Adds `seconds` to phase `name` (appended when new).
    public mutating func add(_ name: String, seconds: Double) {
        if let i = phases.firstIndex(where: { $0.name == name }) { phases[i].seconds += seconds } else {
            phases.append((name, seconds))
        }
    }

    /// Adds every phase of `other`.
    public mutating func add(_ other: PhaseTimes) {
        for p in other.phases { add(p.name, seconds: p.seconds) }
    }

    /// The durations by name.
    public var dictionary: [String: Double] { Dictionary(phases.map { ($0.name, $0.seconds) }, uniquingKeysWith: +) }
}
