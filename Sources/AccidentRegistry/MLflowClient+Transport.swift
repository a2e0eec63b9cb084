import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP exchange with retries, and MLflow's JSON calls on top of it.
extension MLflowClient {
    /// A status and a whole body.
    struct Answer {
        let status: Int
        let body: [UInt8]
    }

    /// Answers larger than this are refused (a model file is a few megabytes).
    static let maximumBody = 1 << 30

    /// Calls a JSON endpoint `api/2.0/mlflow/<path>` and decodes its answer.
    func call<Response: Decodable>(_ operation: String, _ method: HTTPMethod, _ path: String,
                                   query: [(String, String)] = [], body: (any Encodable)? = nil,
                                   as _: Response.Type = Response.self) async throws -> Response {
        let url = apiURL(path, query: query)
        let bytes = try body.map { Array(try JSONEncoder().encode($0)) }
        let answer = try await exchange(operation, method, url: url, body: bytes, contentType: "application/json")
        do { return try JSONDecoder().decode(Response.self, from: Data(answer.body)) } catch {
            throw RegistryError.badResponse(operation: operation, url: url,
                                            reason: "HTTP \(answer.status) with a body that is not the expected JSON (\(error))")
        }
    }

    /// Sends one request, retrying connection failures and 5xx answers with exponential backoff
    /// until `retryDeadline`; returns a 2xx answer, or throws the mapped error.
    func exchange(_ operation: String, _ method: HTTPMethod, url: String, body: [UInt8]?,
                  contentType: String?) async throws -> Answer {
        let clock = ContinuousClock()
        let giveUp = clock.now + retryDeadline
        var pause = initialBackoff
        var attempt = 0
        while true {
            attempt += 1
            let failure: RegistryError
            do {
                let answer = try await once(method, url: url, body: body, contentType: contentType)
                if (200..<300).contains(answer.status) { return answer }
                failure = Self.error(for: answer, operation: operation, url: url, server: trackingURI, attempts: attempt)
            } catch let error as CancellationError {
                throw error
            } catch {
                failure = .unavailable(operation: operation, url: trackingURI, reason: Self.reason(error), attempts: attempt)
            }
            guard failure.isTransient, clock.now + pause < giveUp else { throw failure }
            try await Task.sleep(for: pause)
            pause = min(pause * 2, maximumBackoff)
        }
    }

    /// One attempt, bounded by `timeout` from connection to the answer's last byte.
    private func once(_ method: HTTPMethod, url: String, body: [UInt8]?, contentType: String?) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        if let body {
            if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let deadline = NIODeadline.now() + .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000
                                                        + timeout.components.attoseconds / 1_000_000_000)
        let response = try await http.execute(request, deadline: deadline)
        let buffer = try await response.body.collect(upTo: Self.maximumBody)
        return Answer(status: Int(response.status.code), body: Array(buffer.readableBytesView))
    }

    /// MLflow's error JSON: `{"error_code": "...", "message": "..."}`.
    struct ErrorBody: Decodable {
        let errorCode: String
        let message: String?
        enum CodingKeys: String, CodingKey { case errorCode = "error_code", message }
    }

    /// The error for a non-2xx answer: `notFound` for RESOURCE_DOES_NOT_EXIST, a 404 or a missing
    /// object behind the artifact proxy (which MLflow reports as a 500), `unavailable` (retried)
    /// for other 5xx, `rejected` for other refusals.
    static func error(for answer: Answer, operation: String, url: String, server: String, attempts: Int) -> RegistryError {
        let parsed = try? JSONDecoder().decode(ErrorBody.self, from: Data(answer.body))
        let text = oneLine(parsed?.message ?? String(decoding: answer.body.prefix(400), as: UTF8.self))
        let code = parsed?.errorCode ?? "HTTP \(answer.status)"
        if code == "RESOURCE_DOES_NOT_EXIST" || code == "NOT_FOUND" || answer.status == 404
            || (answer.status == 500 && (text.contains("(404)") || text.contains("NoSuchKey"))) {
            return .notFound(operation: operation, code: code, message: text)
        }
        if answer.status >= 500 {
            return .unavailable(operation: operation, url: server, reason: "HTTP \(answer.status) \(code): \(text)", attempts: attempts)
        }
        if parsed == nil, answer.status != 400, answer.status != 403 {
            return .badResponse(operation: operation, url: url, reason: "HTTP \(answer.status): \(text)")
        }
        return .rejected(operation: operation, status: answer.status, code: code, message: text)
    }

    /// A message on one line, at most 300 characters.
    static func oneLine(_ text: String) -> String {
        let joined = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#####") }.joined(separator: " ")
        return joined.count > 300 ? String(joined.prefix(297)) + "..." : joined
    }

    /// Why a connection failed, in words.
    static func reason(_ error: any Error) -> String {
        if let e = error as? HTTPClientError {
            switch e {
            case .connectTimeout: return "connection timed out"
            case .deadlineExceeded, .readTimeout, .writeTimeout: return "no answer within the timeout"
            case .remoteConnectionClosed: return "the server closed the connection"
            default: return "\(e)"
            }
        }
        let text = "\(error)"
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        return text
    }
}
