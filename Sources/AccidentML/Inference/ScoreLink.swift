import RealModule

/// Turns a row's raw tree scores into class probabilities: the logistic function for a
/// binary model (one score column), softmax for more classes.
enum ScoreLink {
    /// Writes `classCount` probabilities from `scoreColumns` raw scores
    /// (`scoreColumns` is 1 for two classes, else equal to `classCount`).
    @inline(__always)
    static func probabilities(scores: UnsafePointer<Float>, scoreColumns: Int, into out: UnsafeMutablePointer<Float>) {
        if scoreColumns == 1 {
            let p = 1 / (1 + Float.exp(-scores[0]))
            out[0] = 1 - p
            out[1] = p
            return
        }
        var top = -Float.infinity
        for k in 0..<scoreColumns { top = max(top, scores[k]) }
        var sum: Float = 0
        for k in 0..<scoreColumns {
            out[k] = Float.exp(scores[k] - top)
            sum += out[k]
        }
        let inv = 1 / sum
        for k in 0..<scoreColumns { out[k] *= inv }
    }
}
