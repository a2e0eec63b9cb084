import AccidentServer

/// The model loader of this build.
///
/// The core's `AccidentModel` (the portable model file) is not yet adapted to
/// `PredictionBackend`; until that adapter is added here, every model file is refused with
/// this explanation, and the server runs without a model (predictions answer 503).
let modelLoader: BackendLoader = { path in
    throw ModelLoaderUnavailable(path: path)
}

/// A model file given to a build without a model backend.
struct ModelLoaderUnavailable: Error, CustomStringConvertible {
    let path: String
    var description: String {
        "\(path): this build of accident-server has no model backend yet (AccidentModel is not adapted to PredictionBackend)"
    }
}
