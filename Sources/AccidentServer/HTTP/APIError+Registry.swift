import Hummingbird
import AccidentRegistry

extension APIError {
    /// A registry reference on a server started without a tracking URI.
    static func registryNotConfigured(_ reference: String) -> APIError {
        APIError(status: .serviceUnavailable, code: "registry_not_configured",
                 message: "cannot load \(ClientText.escaped(reference)): this server has no model registry; start it with "
                     + "--tracking-uri (MLFLOW_TRACKING_URI); the previous model keeps serving", field: "model")
    }

    /// A registry failure while resolving or fetching a model; the previous model keeps serving.
    ///
    /// The registry down or answering nonsense is 502 (retry later); a reference that names no
    /// model, version, alias or file, or a downloaded file that fails verification, is 422.
    static func registry(_ error: RegistryError) -> APIError {
        let (status, code): (HTTPResponse.Status, String) = switch error {
        case .unavailable: (.badGateway, "registry_unavailable")
        case .badResponse: (.badGateway, "registry_bad_response")
        case .rejected: (.badGateway, "registry_rejected")
        case .notFound: (.unprocessableContent, "model_not_found")
        case .damagedArtifact: (.unprocessableContent, "model_damaged")
        case .invalidReference: (.unprocessableContent, "invalid_reference")
        case .invalidTrackingURI: (.serviceUnavailable, "registry_not_configured")
        }
        return APIError(status: status, code: code,
                        message: ClientText.escaped(error.description, limit: 1000) + " The previous model keeps serving.",
                        field: status == .unprocessableContent ? "model" : nil)
    }
}
