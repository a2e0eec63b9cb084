import AccidentStore

/// Renders the metrics in the Prometheus text exposition format (version 0.0.4).
enum PrometheusText {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    static func render(_ c: ServerMetrics.Counts, model: ModelInfo?, connections: ConnectionGate.Counts? = nil,
                       predictionLog: PredictionLogger.Statistics? = nil) -> String {
        var out = ""
        family(&out, "accident_http_requests_total", "counter", "HTTP requests answered, by route, method and status.")
        for (k, v) in c.requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
            sample(&out, "accident_http_requests_total", [("route", k.route), ("method", k.method), ("status", String(k.status))], v)
        }
        family(&out, "accident_http_request_duration_seconds", "histogram", "Time to answer a request, by route.")
        for (route, h) in c.latency.sorted(by: { $0.key < $1.key }) {
            for b in h.cumulativeBuckets {
                sample(&out, "accident_http_request_duration_seconds_bucket", [("route", route), ("le", b.le)], b.count)
            }
            line(&out, "accident_http_request_duration_seconds_sum", [("route", route)], h.sum.description)
            sample(&out, "accident_http_request_duration_seconds_count", [("route", route)], h.count)
        }
        family(&out, "accident_http_errors_total", "counter", "Error answers, by route and error code.")
        for (k, v) in c.errors.sorted(by: { ($0.key.route, $0.key.code) < ($1.key.route, $1.key.code) }) {
            sample(&out, "accident_http_errors_total", [("route", k.route), ("code", k.code)], v)
        }
        family(&out, "accident_predictions_total", "counter", "Predictions made, by predicted class.")
        for (label, v) in c.predictions.sorted(by: { $0.key < $1.key }) {
            sample(&out, "accident_predictions_total", [("class", label)], v)
        }
        family(&out, "accident_model_info", "gauge", "The model serving now (value 1), by kind and version (the file's CRC-32).")
        if let m = model {
            sample(&out, "accident_model_info", [("kind", m.kind), ("version", m.version)], 1)
        }
        family(&out, "accident_model_reloads_total", "counter", "Model reload attempts, by result.")
        sample(&out, "accident_model_reloads_total", [("result", "ok")], c.reloadsSucceeded)
        sample(&out, "accident_model_reloads_total", [("result", "failed")], c.reloadsFailed)
        family(&out, "accident_model_alias_polls_total", "counter",
               "Polls of the followed registry alias (--follow-alias), by result (failed: registry unreachable or new version unusable).")
        sample(&out, "accident_model_alias_polls_total", [("result", "ok")], c.aliasPollsSucceeded)
        sample(&out, "accident_model_alias_polls_total", [("result", "failed")], c.aliasPollsFailed)
        if let connections { render(connections, into: &out) }
        if let log = predictionLog { render(log, into: &out) }
        return out
    }

    /// The connection cap's counters.
    private static func render(_ c: ConnectionGate.Counts, into out: inout String) {
        family(&out, "accident_http_connections_open", "gauge", "Client connections open now.")
        sample(&out, "accident_http_connections_open", [], c.open)
        family(&out, "accident_http_connections_total", "counter",
               "Client connections, by outcome (refused: over --max-connections, answered 503 and closed at once).")
        sample(&out, "accident_http_connections_total", [("result", "accepted")], c.accepted)
        sample(&out, "accident_http_connections_total", [("result", "refused")], c.refused)
        family(&out, "accident_http_connection_timeouts_total", "counter",
               "Connections closed on a deadline, by phase (header, body: --header-timeout, --body-timeout; idle: --idle-timeout).")
        for phase in ConnectionPhase.allCases {
            sample(&out, "accident_http_connection_timeouts_total", [("phase", phase.rawValue)], c.timedOut[phase, default: 0])
        }
    }

    /// The prediction log's counters (only when a database is configured).
    private static func render(_ log: PredictionLogger.Statistics, into out: inout String) {
        family(&out, "accident_prediction_log_records_total", "counter",
               "Served predictions handed to the database log, by outcome (dropped ones were never written).")
        for (result, value) in [("written", log.written), ("dropped_buffer_full", log.droppedBufferFull),
                                ("dropped_unavailable", log.droppedUnavailable), ("rejected", log.rejected)] {
            sample(&out, "accident_prediction_log_records_total", [("result", result)], value)
        }
        family(&out, "accident_prediction_log_pending", "gauge", "Predictions waiting to be written to the database.")
        sample(&out, "accident_prediction_log_pending", [], log.pending)
        family(&out, "accident_prediction_log_failed_writes_total", "counter", "Batch writes that failed for want of a database.")
        sample(&out, "accident_prediction_log_failed_writes_total", [], log.failedWrites)
    }

    private static func family(_ out: inout String, _ name: String, _ type: String, _ help: String) {
        out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    private static func sample(_ out: inout String, _ name: String, _ labels: [(String, String)], _ value: Int) {
        line(&out, name, labels, String(value))
    }

    private static func line(_ out: inout String, _ name: String, _ labels: [(String, String)], _ value: String) {
        out += name
        if !labels.isEmpty {
            out += "{" + labels.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",") + "}"
        }
        out += " \(value)\n"
    }

    /// Label values escape backslash, double quote and line feed.
    static func escape(_ value: String) -> String {
        var s = ""
        for ch in value {
            switch ch {
            case "\\": s += "\\\\"
            case "\"": s += "\\\""
            case "\n": s += "\\n"
            default: s.append(ch)
            }
        }
        return s
    }
}
