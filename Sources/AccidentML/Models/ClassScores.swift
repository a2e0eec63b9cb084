/// How many raw score columns a probabilistic classifier of `classCount` classes has by
/// default: one (the logit of class 1) for two classes, one per class above (softmax).
/// Logistic regression's coefficient rows and the standard GBDT objective both follow it.
enum ClassScores {
    /// 1 for two classes, `classCount` above.
    static func columns(classCount: Int) -> Int { classCount == 2 ? 1 : classCount }
}
