import RealModule

/// Turns a row's raw scores into class probabilities, as the model's objective says: the
/// logistic function of one score (`binary`), or softmax over one score per class (`multiclass`).
enum ScoreLink: Sendable, Equatable {
    /// One score column, the logit of class 1; two probabilities.
    case sigmoid
    /// One score column per class.
    case softmax

    /// Writes the probabilities of `scoreColumns` raw scores to `out` (2 for `sigmoid`,
    /// `scoreColumns` for `softmax`).
    @inline(__always)
    func probabilities(scores: UnsafePointer<Float>, scoreColumns: Int, into out: UnsafeMutablePointer<Float>) {
        switch self {
        case .sigmoid:
            let p = 1 / (1 + Float.exp(-scores[0]))
            out[0] = 1 - p
            out[1] = p
        case .softmax:
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
}
