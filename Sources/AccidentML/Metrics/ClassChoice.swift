/// How a row of class probabilities becomes one predicted class, the same for every prediction,
/// metric and answer.
public enum ClassChoice {
    /// The position (0-based) of the most probable class of `row`; ties go to the lower position.
    public static func mostProbable<Row: Collection>(_ row: Row) -> Int where Row.Element: BinaryFloatingPoint {
        var best = 0, bestValue = -Row.Element.infinity, k = 0
        for p in row {
            if k == 0 || p > bestValue { best = k; bestValue = p }
            k += 1
        }
        return best
    }
}
