import AccidentML
import Hummingbird
import Logging

/// Times every request, counts it in the metrics and writes a sampled access log line
/// (`--access-log-sample`; none by default: at saturation a line a request costs a third of the
/// throughput). Client text in the line (the path) is escaped and cut, so it cannot forge lines.
///
/// Sits inside `RequestIDMiddleware` (so the log line has the request id) and outside
/// `ErrorMiddleware` (so it sees the final status of failed requests too).
struct ObservationMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics
    /// Which requests to log, or nil for no access log.
    let accessLog: AccessLogSampler?

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let watch = Stopwatch()
        let response = try await next(request, context)
        let seconds = watch.seconds
        let route = Self.routeLabel(context)
        metrics.recordRequest(route: route, method: request.method.rawValue, status: response.status.code, seconds: seconds)
        guard let accessLog, accessLog.shouldLog() else { return response }
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue), "path": .string(ClientText.escaped(request.uri.path)),
            "status": .stringConvertible(response.status.code),
            "duration_ms": .string(String(format: seconds * 1000)),
        ])
        return response
    }

    /// The matched route pattern, or `unmatched` for 404/405: never the raw path, which
    /// would let clients create unbounded metric series.
    static func routeLabel(_ context: Context) -> String {
        guard let path = context.endpointPath, path != "NotFound" else { return "unmatched" }
        return path
    }
}

private extension String {
    /// A millisecond figure with three decimals, without Foundation's formatter.
    init(format milliseconds: Double) {
        let micros = Int((milliseconds * 1000).rounded())
        let fraction = String(micros % 1000)
        self = "\(micros / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
