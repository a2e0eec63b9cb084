import Hummingbird

/// One header field; Hummingbird re-exports `HTTPFields` but not its element type.
typealias HTTPField = HTTPFields.Element

extension HTTPField.Name {
    /// `X-Request-Id`: the request id, honoured when sent and always echoed.
    static let requestID = HTTPField.Name("X-Request-Id")!
    /// `X-API-Key`: the API key of the prediction and reload routes.
    static let apiKey = HTTPField.Name("X-API-Key")!
}
