/// Which direction of a figure is better.
enum Better: String, Codable, Sendable {
    /// Times, latencies, memory.
    case lower
    /// Throughputs.
    case higher
}

/// The outcome of ours against a peer on one figure.
enum Verdict: String, Codable, Sendable {
    case win
    case loss
    /// The medians differ by no more than the combined spread: the run cannot tell them apart.
    case tie = "tie (noise)"
}

/// Ours against a peer on one figure: the ratio of the medians and the verdict.
///
/// The rule is deliberately conservative: a win or a loss needs the medians to differ by more
/// than the sum of both min–max ranges, so that no single repeat of one side can overlap the
/// other side's median shifted by its own spread. A measurement of one sample has no spread,
/// so two single samples always get a verdict: the report says how many repeats each side had.
struct Comparison: Codable, Equatable, Sendable {
    /// Median of ours divided by the peer's median.
    let ratio: Double
    let verdict: Verdict

    init(ours: Summary, peer: Summary, better: Better) {
        ratio = ours.median / peer.median
        verdict = Self.verdict(ours: ours, peer: peer, better: better)
    }

    /// The verdict rule: tie unless |Δ median| > range(ours) + range(peer).
    static func verdict(ours: Summary, peer: Summary, better: Better) -> Verdict {
        let difference = ours.median - peer.median
        guard abs(difference) > ours.range + peer.range else { return .tie }
        let oursIsLower = difference < 0
        return oursIsLower == (better == .lower) ? .win : .loss
    }
}
