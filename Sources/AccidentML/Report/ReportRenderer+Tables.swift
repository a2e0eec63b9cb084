extension ReportRenderer {
    /// The per-feature summary of the training data as an HTML table.
    static func dataTable(_ data: TrainingReport.DataSummary) -> String {
        var html = "<div class=\"card wide\" id=\"data-summary\">\n<h3>Features of the \(SVGNumber.grouped(data.rowCount)) training rows</h3>\n"
        html += "<table class=\"data\">\n<thead><tr><th>feature</th>"
            + ["missing", "distinct", "min", "25 %", "median", "75 %", "max"].map { "<th class=\"num\">\($0)</th>" }.joined()
            + "<th>most frequent values (share of rows)</th></tr></thead>\n<tbody>\n"
        for f in data.features {
            let q = f.quartiles
            let cells = [q?.minimum, q?.lowerQuartile, q?.median, q?.upperQuartile, q?.maximum]
                .map { "<td class=\"num\">\(SVGNumber.compact($0 ?? .nan))</td>" }.joined()
            let top = f.topValues.map { v in
                let share = Double(v.count) / Double(max(data.rowCount, 1))
                return "\(SVGNumber.compact(v.value)) (\(share < 0.01 ? "<1 %" : SVGNumber.percent(share, decimals: 0)))"
            }.joined(separator: ", ")
            let missingWidth = SVGNumber.text(min(max(f.missingShare, 0), 1) * 60)
            html += "<tr><th>\(Markup.escape(f.name))</th>"
                + "<td class=\"num\"><span class=\"minibar\" style=\"width:\(missingWidth)px\"></span>\(SVGNumber.percent(f.missingShare))</td>"
                + "<td class=\"num\">\(SVGNumber.grouped(f.distinctCount))</td>\(cells)<td>\(Markup.escape(top))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n<p class=\"caption\">Missing is the share of rows without a value (the bar "
            + "grows with it). Quartiles are over the present values. Most frequent values are listed for columns with at most "
            + "\(TrainingReport.FeatureSummary.topValueLimit) distinct values, which are codes.</p>\n</div>\n"
    }

    /// The largest départements with their predicted and observed severe shares.
    static func departementTable(_ table: TrainingReport.SeverityByDepartement) -> String {
        let largest = table.departements.sorted(by: RiskMapChart.drawOrder).prefix(14)
        var html = "<div class=\"card\" id=\"departement-table\">\n<h3>The \(largest.count) départements with the most rows</h3>\n"
        html += "<table class=\"data\">\n<thead><tr><th>département</th>"
            + ["rows", "predicted", "observed", "observed − predicted"].map { "<th class=\"num\">\($0)</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for row in largest {
            html += "<tr><th>\(DepartementGeography.displayCode(row.code))</th><td class=\"num\">\(SVGNumber.grouped(row.count))</td>"
                + "<td class=\"num\">\(SVGNumber.percent(row.predictedShare))</td><td class=\"num\">\(SVGNumber.percent(row.observedShare))</td>"
                + "<td class=\"num\">\(SVGNumber.signed((row.observedShare - row.predictedShare) * 100, decimals: 1)) pts</td></tr>\n"
        }
        if largest.isEmpty { html += "<tr><td colspan=\"5\">No département is known for the validation rows.</td></tr>\n" }
        html += "</tbody>\n</table>\n"
        if table.rowsWithoutDepartement > 0 {
            html += "<p class=\"caption\">\(SVGNumber.grouped(table.rowsWithoutDepartement)) validation rows have no département and are left out.</p>\n"
        }
        return html + "</div>\n"
    }
}
