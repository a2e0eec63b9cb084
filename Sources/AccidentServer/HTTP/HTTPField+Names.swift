import Hummingbird

/// One header field; Hummingbird re-exports `HTTPFields` but not its element type.
typealias HTTPField = HTTPFields.Element

extension HTTPField.Name {
    /// `X-Request-Id`: the request id, honoured when sent and always echoed.
    static let requestID = HTTPField.Name("X-Request-Id")!
    /// `X-API-Key`: the prediction key, or on the reload route the administrator key.
    static let apiKey = HTTPField.Name("X-API-Key")!
}
