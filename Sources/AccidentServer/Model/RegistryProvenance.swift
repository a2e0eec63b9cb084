import AccidentRegistry

/// Which registry version a served model is: shown by the health route, compared by the alias follower.
struct RegistryProvenance: Sendable, Equatable {
    /// The reference it was loaded through, e.g. `models:/accident-severity@champion`.
    let reference: ModelReference
    /// The registered model's name.
    let name: String
    /// The version number, as MLflow writes it (`"2"`).
    let version: String
    /// The alias it was reached through, if any.
    let alias: String?
    /// The run the version came from.
    let runID: String

    init(_ resolved: ResolvedModel) {
        reference = resolved.reference
        name = resolved.name
        version = resolved.version
        alias = resolved.alias
        runID = resolved.runID
    }
}
