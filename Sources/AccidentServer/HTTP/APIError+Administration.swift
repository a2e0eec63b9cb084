extension APIError {
    /// A valid prediction key on a route that needs an administrator key.
    static func adminKeyRequired(adminKeysConfigured: Bool) -> APIError {
        APIError(status: .forbidden, code: "admin_key_required",
                 message: "this route needs an administrator key (ADMIN_API_KEYS) in X-API-Key; a prediction key "
                     + "is not enough" + (adminKeysConfigured ? "" : ", and this server has none configured: "
                         + "set ADMIN_API_KEYS or ADMIN_API_KEY_FILE to allow reloads"))
    }

    /// A reload by file path naming a file outside the model folder (or a link leading out of it).
    static func pathOutsideModelFolder(_ requested: String, folder: String, link: Bool) -> APIError {
        APIError(status: .forbidden, code: "path_outside_model_dir",
                 message: "\(ClientText.escaped(requested)) " + (link ? "is a symbolic link leading" : "is")
                     + " outside the model folder \(folder): reloads read model files below it only; copy the model "
                     + "there, or start the server with another --model-dir (MODEL_DIR)", field: "path")
    }

    /// A reload by file path on a server without a model folder.
    static let modelFolderNotConfigured = APIError(
        status: .forbidden, code: "model_dir_not_configured",
        message: "this server reads no model file by path: start it with --model-dir (MODEL_DIR) naming the folder "
            + "reloads may read from, or with a start-up --model whose folder is used", field: "path")
}
