import ArgumentParser

/// `train registry`: the MLflow model registry: versions, aliases, downloads, run tags.
struct RegistryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "List, show, promote and download registered model versions; tag runs (MLflow).",
        discussion: """
            The server is --tracking-uri URL, else $MLFLOW_TRACKING_URI. References are NAME@ALIAS or \
            NAME/VERSION (models:/ in front is accepted). Exit status 66 when a model, version or alias \
            does not exist, 69 when the server is unavailable. See docs/registry.md.
            """,
        subcommands: [RegistryListCommand.self, RegistryShowCommand.self, RegistryPromoteCommand.self,
                      RegistryDownloadCommand.self, RegistryTagCommand.self])
}
