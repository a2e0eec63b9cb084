/// The kind of model a feature matrix is encoded for.
public enum ModelFamily: String, Codable, Sendable, CaseIterable {
    /// Tree ensembles: one column per feature, categories as vocabulary indices, NaN = missing.
    case trees
    /// Linear models: one-hot categories, standardised numerics, sin/cos cycles, no NaN.
    case linear
}
