import RealModule

/// The random draws the synthetic generator needs, over one `SplitMix64` stream.
///
/// Every accident gets its own stream, derived from the seed and the accident's index, so an
/// accident's rows do not depend on how the accidents are split into chunks or threads.
struct SyntheticRandom {
    var generator: SplitMix64

    /// The stream of accident `index` under `seed` (the pair is hashed, so neighbouring
    /// indices start far apart in SplitMix64's sequence).
    init(seed: UInt64, stream index: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (index &* 0xD1B5_4A32_D192_ED03))
        generator = SplitMix64(seed: mixer.next())
    }

    /// Uniform in [0, 1).
    @inline(__always) mutating func unit() -> Double { generator.nextUnit() }

    /// True with probability `p`.
    @inline(__always) mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Uniform integer in `range`.
    @inline(__always) mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(unit() * Double(range.count))
    }

    /// Uniform in `lower ..< upper`.
    @inline(__always) mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * unit()
    }

    /// Standard normal (Box–Muller).
    @inline(__always) mutating func normal() -> Double {
        let u = 1 - unit()  // (0, 1]
        return Double.sqrt(-2 * Double.log(u)) * Double.cos(2 * Double.pi * unit())
    }

    /// Standard logistic: the noise of an ordered-logit model.
    @inline(__always) mutating func logistic() -> Double {
        let u = min(max(unit(), 1e-12), 1 - 1e-12)
        return Double.log(u / (1 - u))
    }
}

/// A discrete distribution over codes, sampled by a linear scan of cumulative weights
/// (the tables are small; the most frequent codes come first).
struct CodeDistribution: Sendable {
    private let codes: [Int16]
    private let cumulative: [Double]

    /// `code: weight` pairs; weights need not sum to one.
    init(_ weights: KeyValuePairs<Int16, Double>) {
        self.init(weights.map { ($0.key, $0.value) })
    }

    /// (code, weight) pairs; weights need not sum to one.
    init(_ pairs: [(Int16, Double)]) {
        precondition(!pairs.isEmpty && pairs.allSatisfy { $0.1 >= 0 }, "weights must be non-negative")
        let total = pairs.reduce(0) { $0 + $1.1 }
        var running = 0.0
        codes = pairs.map(\.0)
        cumulative = pairs.map { running += $0.1; return running / total }
    }

    /// A code drawn with probability proportional to its weight.
    @inline(__always) func sample(_ r: inout SyntheticRandom) -> Int16 {
        let u = r.unit()
        return cumulative.withUnsafeBufferPointer { c in
            for i in 0..<c.count where u < c[i] { return codes[i] }
            return codes[c.count - 1]
        }
    }

    /// `sample` as an `Int8` code.
    @inline(__always) func code(_ r: inout SyntheticRandom) -> Int8 { Int8(truncatingIfNeeded: sample(&r)) }
}

/// Ages drawn from weighted bands, uniform within a band.
struct AgeBands: Sendable {
    private let bands: [(lower: Int, upper: Int)]
    private let pick: CodeDistribution

    /// `(lowest age, highest age, weight)` per band.
    init(_ table: [(Int, Int, Double)]) {
        bands = table.map { ($0.0, $0.1) }
        var weights: [(Int16, Double)] = []
        for (i, band) in table.enumerated() { weights.append((Int16(i), band.2)) }
        pick = CodeDistribution(weights)
    }

    /// An age in years.
    @inline(__always) func sample(_ r: inout SyntheticRandom) -> Int {
        let band = bands[Int(pick.sample(&r))]
        return r.int(in: band.lower...band.upper)
    }
}
