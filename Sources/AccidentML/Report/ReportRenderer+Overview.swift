extension ReportRenderer {
    /// The page header, the final-metric cards, the run details and the hyperparameters.
    static func overview(_ report: TrainingReport) -> String {
        let run = report.run
        var html = "<header>\n<h1>Training report: \(Markup.escape(run.modelKind)) model, \(Markup.escape(run.unit)) severity</h1>\n"
        html += "<p class=\"subtitle\">Classes: \(Markup.escape(run.classLabels.joined(separator: " · "))). "
            + "Run of \(Markup.escape(run.createdAt)), AccidentML \(Markup.escape(run.libraryVersion)).</p>\n</header>\n"
        let lead: String
        if report.isValidated {
            lead = "Large numbers are measured on validation rows the model did not train on; the training value is beneath. "
                + "A training value much better than the validation one means over-fitting."
        } else {
            lead = "No validation: the model trained on all \(SVGNumber.grouped(run.rowCounts["train"] ?? 0)) rows and no row "
                + "was held out, so only training values exist, and they are optimistic."
        }
        html += "<section id=\"final-metrics\">\n<h2>Final metrics</h2>\n<p class=\"lead\">\(lead)</p>\n<div class=\"cards\">\n"
        for m in report.finalMetrics {
            let values: String
            if let v = m.validation {
                values = "<div class=\"metric-value\">\(metricText(v))</div><div class=\"metric-train\">training \(metricText(m.train))</div>"
            } else {
                values = "<div class=\"metric-value\">\(metricText(m.train))</div><div class=\"metric-train\">on the training rows</div>"
            }
            html += "<div class=\"metric\"><div class=\"metric-name\">\(Markup.escape(MetricNames.display(m.name)))"
                + "<span>\(m.higherIsBetter ? "higher is better" : "lower is better")</span></div>" + values + "</div>\n"
        }
        html += "</div>\n<div class=\"grid\">\n"
        html += keyValueCard(id: "run-info", title: "Run", rows: runRows(run))
        html += keyValueCard(id: "hyperparameters", title: "Hyperparameters",
                             rows: run.hyperparameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        return html + "</div>\n</section>\n"
    }

    static func runRows(_ run: TrainingReport.RunInfo) -> [(String, String)] {
        [("model", run.modelKind), ("unit", run.unit), ("classes", run.classLabels.joined(separator: ", ")),
         ("data source", run.dataSource),
         ("rows", run.rowCounts.sorted { $0.key < $1.key }.map { "\($0.key) \(SVGNumber.grouped($0.value))" }.joined(separator: ", ")),
         ("seed", String(run.seed)),
         ("durations", run.durations.sorted { $0.key < $1.key }.map { "\($0.key) \(durationText($0.value))" }.joined(separator: ", ")),
         ("library", "AccidentML \(run.libraryVersion)"), ("created", run.createdAt)]
    }

    /// A card with a two-column table; "none" when there are no rows.
    static func keyValueCard(id: String, title: String, rows: [(String, String)]) -> String {
        var html = "<div class=\"card\" id=\"\(id)\">\n<h3>\(Markup.escape(title))</h3>\n<table class=\"kv\">\n"
        for (key, value) in rows {
            html += "<tr><th>\(Markup.escape(key))</th><td>\(Markup.escape(value.isEmpty ? "–" : value))</td></tr>\n"
        }
        if rows.isEmpty { html += "<tr><td>none recorded</td></tr>\n" }
        return html + "</table>\n</div>\n"
    }

    /// Four decimals for values of metric size, fewer digits' worth for large ones.
    static func metricText(_ x: Double) -> String {
        abs(x) < 10 ? SVGNumber.fixed(x, decimals: 4) : SVGNumber.compact(x)
    }

    /// `12.3 s`, or `4 min 12 s` from a minute on.
    static func durationText(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "–" }
        if seconds < 60 { return SVGNumber.fixed(seconds, decimals: seconds < 10 ? 2 : 1) + " s" }
        let whole = Int(seconds.rounded())
        return "\(whole / 60) min \(whole % 60) s"
    }
}
