import AccidentML

/// The human documentation page: self-contained HTML (inline CSS, no script, no network).
enum DocsPage {
    static func render(_ document: OpenAPIDocument) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>AccidentML prediction API</title>
        <style>
        body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2433;line-height:1.45}
        h1{margin-bottom:.2rem} .route{border:1px solid #d5dae3;border-radius:6px;margin:1rem 0;padding:.6rem 1rem}
        .method{display:inline-block;min-width:3.6rem;text-align:center;font-weight:700;border-radius:4px;padding:.1rem .4rem;color:#fff}
        .get{background:#2f7d4f} .post{background:#2d5fa8} code,pre{background:#f3f5f8;border-radius:3px;padding:.05rem .3rem}
        pre{padding:.6rem;overflow:auto;max-height:30rem} table{border-collapse:collapse;width:100%}
        td,th{border-bottom:1px solid #e3e6ec;padding:.3rem .4rem;text-align:left;vertical-align:top} .key{color:#a33;font-weight:600}
        </style></head><body>
        <h1>AccidentML prediction API</h1>
        <p>Predicts the severity of road accidents from BAAC records for emergency dispatch.
        Machine-readable description: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>

        """
        html += model(document)
        html += "<h2>Authentication</h2><p>"
        html += document.authEnabled
            ? "Routes marked <span class=\"key\">API key</span> need the header <code>X-API-Key</code>; without a valid key they answer 401. "
                + "Routes marked <span class=\"key\">administrator key</span> need an administrator key (<code>ADMIN_API_KEYS</code>) "
                + "there; a prediction key gets 403."
            : "This server runs <strong>without authentication</strong> (<code>--insecure-no-auth</code>)."
        html += "</p><p>Errors are JSON: <code>{\"error\": {\"code\", \"message\", \"field\", \"request_id\"}}</code>; "
            + "<code>field</code> names the field path, e.g. <code>catu</code> or <code>[3].catu</code> in a batch. "
            + "Send <code>X-Request-Id</code> to choose the request id; it is echoed in every response.</p>\n<h2>Routes</h2>\n"
        for route in document.routes { html += self.route(route, authEnabled: document.authEnabled) }
        html += fields(document.model)
        html += "<h2>OpenAPI document</h2><details><summary>Show</summary><pre>"
            + escape(document.json.text) + "</pre></details>\n</body></html>\n"
        return html
    }

    private static func model(_ document: OpenAPIDocument) -> String {
        guard let m = document.model else { return "<p><strong>No model is loaded.</strong></p>\n" }
        return "<p>Serving model <code>\(escape(m.info.kind))</code> version <code>\(escape(m.info.version))</code> "
            + "(the file's CRC-32), one prediction per \(escape(m.info.predictionUnit)), "
            + "classes: " + m.info.classLabels.map { "<code>\(escape($0))</code>" }.joined(separator: ", ") + ".</p>\n"
    }

    private static func route(_ route: APIRoute, authEnabled: Bool) -> String {
        var html = "<div class=\"route\" id=\"\(route.operationID)\"><p><span class=\"method \(route.method.rawValue.lowercased())\">"
            + "\(route.method.rawValue)</span> <code>\(escape(route.path))</code> — \(escape(route.summary))"
        if route.requiresKey && authEnabled {
            html += route.requiresAdminKey ? " <span class=\"key\">administrator key</span>" : " <span class=\"key\">API key</span>"
        }
        html += "</p><p>\(prose(route.details))</p>"
        if route.acceptsExplain { html += "<p>Query: <code>explain=true</code> adds per-feature contributions.</p>" }
        switch route.body {
        case .none: break
        case .record: html += "<p>Body: one record as a JSON object (fields below).</p>"
        case .batch:
            html += "<p>Body: a JSON array of records, or <code>text/csv</code> with a header line of field names "
                + "(models whose records hold lists of objects take JSON only).</p>"
        case .reload:
            html += "<p>Body: <code>{\"model\": \"models:/accident-severity@champion\"}</code> or "
                + "<code>{\"path\": \"accident.aml\"}</code>.</p>"
        }
        if !route.errors.isEmpty {
            html += "<table><tr><th>Status</th><th>When</th></tr>"
            for e in route.errors { html += "<tr><td>\(e.status)</td><td>\(prose(e.when))</td></tr>" }
            html += "</table>"
        }
        return html + "</div>\n"
    }

    private static func fields(_ model: LoadedModel?) -> String {
        guard let model else { return "" }
        var html = "<h2>Record fields</h2><p>BAAC field names and codes; optional fields may be absent or "
            + "<code>null</code> (missing), codes also -1. Unknown fields are refused. "
            + "<code>vehicles[].catv</code> is the field <code>catv</code> of each object of the list <code>vehicles</code>.</p>"
            + "<table><tr><th>Field</th><th>Allowed</th><th>Required</th><th>Meaning</th></tr>"
        func rows(_ fields: [InputField], prefix: String) {
            for f in fields {
                html += "<tr><td><code>\(escape(prefix + f.name))</code></td><td>\(escape(f.kind.allowedDescription))</td>"
                    + "<td>\(f.required ? "yes" : "no")</td><td>\(escape(f.summary))</td></tr>"
                if case .records(let items) = f.kind { rows(items, prefix: prefix + f.name + "[].") }
            }
        }
        rows(model.fields, prefix: "")
        return html + "</table>\n"
    }

    /// Escaped text whose `backticked` spans (Markdown code, as in the OpenAPI descriptions) become `<code>`.
    static func prose(_ text: String) -> String {
        escape(text).split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset % 2 == 1 ? "<code>\($0.element)</code>" : String($0.element) }.joined()
    }

    /// Escapes text for HTML element content and attribute values.
    static func escape(_ text: String) -> String {
        var s = ""
        for ch in text {
            switch ch {
            case "&": s += "&amp;"
            case "<": s += "&lt;"
            case ">": s += "&gt;"
            case "\"": s += "&quot;"
            case "'": s += "&#39;"
            default: s.append(ch)
            }
        }
        return s
    }
}
