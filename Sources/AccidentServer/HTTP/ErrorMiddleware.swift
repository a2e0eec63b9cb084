import Hummingbird
import Logging

/// Turns every error thrown below it into a JSON error response, and Hummingbird's
/// "no route" into 404 or, for a known path with another method, 405 with `Allow`.
///
/// Nothing escapes it: an unexpected error is logged and answered 500 without details.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The methods of each route path, from the route catalogue.
    let allowedMethods: [String: [HTTPRequest.Method]]
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = classify(error, request: request, context: context)
            metrics.recordError(route: ObservationMiddleware<Context>.routeLabel(context), code: apiError.code)
            return apiError.response(requestID: context.id)
        }
    }

    private func classify(_ error: any Error, request: Request, context: Context) -> APIError {
        switch error {
        case let e as APIError:
            if e.status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": .string(e.message)])
            }
            return e
        case let e as HTTPError where e.status == .notFound:
            let path = Self.normalised(request.uri.path)
            if let allowed = allowedMethods[path] {
                return .methodNotAllowed(request.method, path: path, allowed: allowed)
            }
            return .notFound(path)
        case let e as HTTPError where e.status.code < 500:
            return APIError(status: e.status, code: "http_error", message: e.body ?? e.status.reasonPhrase)
        default:
            context.logger.error("unexpected error", metadata: ["error": .string(String(describing: error))])
            return .internalError
        }
    }

    /// The path without a trailing slash, as the router matches it.
    static func normalised(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
