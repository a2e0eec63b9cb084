/// Renders a `TrainingReport` as one self-contained HTML page: inline CSS and inline SVG charts,
/// no script, no network, no external font. The same report always gives the same bytes (the
/// only time shown is the report's own `createdAt`).
public struct ReportRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The complete HTML page of the report.
    public func html(for report: TrainingReport) -> String {
        let run = report.run
        let title = "AccidentML training report: \(run.modelKind) model, \(run.unit) severity"
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Markup.escape(title))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <main>

            """
        page += Self.overview(report)
        page += Self.section("Training", [
            Self.figure(id: "fig-learning", title: "Learning curves", svg: LearningCurveChart.svg(report.learningCurves), wide: true,
                        caption: "Each panel follows one metric as the model grows, round by round. The training line keeps "
                            + "improving; the validation line (rows the model never trains on) is what to trust. When validation "
                            + "stops improving while training goes on, the model starts learning noise: the dashed line marks the "
                            + "round kept."),
        ])
        if report.isValidated {
            page += Self.section("How well the model ranks and how honest its probabilities are", [
                Self.figure(id: "fig-roc", title: "ROC curve (validation)", svg: ROCChart.svg(report.roc, confusion: report.confusion),
                            caption: "Sweeping the alarm threshold from strict (bottom left) to lax (top right): how many true cases "
                                + "are caught against how many false alarms are raised. The closer the curve hugs the top-left corner, "
                                + "the better; the diagonal is guessing. AUC is the chance that a random case is scored above a random "
                                + "non-case."),
                Self.figure(id: "fig-calibration", title: "Calibration (validation)", svg: CalibrationChart.svg(report.calibration),
                            caption: "Rows are grouped by predicted probability. A well-calibrated model sits on the diagonal: of the "
                                + "rows given 30 %, about 30 % are cases. Above the diagonal the model under-estimates, below it "
                                + "over-estimates. Circle area and the histogram below show how many rows each group holds."),
            ])
        }
        var predicts: [String] = []
        if report.isValidated {
            predicts.append(Self.figure(
                id: "fig-confusion", title: "Confusion matrix (validation)", svg: ConfusionChart.svg(report.confusion),
                caption: "Each row is an actual class, each column the class the model finds most probable. Cells show "
                    + "the row count and its share of the row; shading follows the share, so a dark diagonal means each "
                    + "class is mostly recognised (the diagonal share is the class's recall)."))
        }
        page += Self.section("What the model predicts and from what", predicts + [
            Self.figure(id: "fig-balance", title: "Class balance (training rows)",
                        svg: ClassBalanceChart.svg(report.data, classLabels: run.classLabels),
                        caption: "How common each class is. A rare class is harder to predict, and a model that always "
                            + "answered the commonest class would already reach its share as accuracy."),
            Self.figure(id: "fig-importance", title: "Feature importance", svg: ImportanceChart.svg(report.importance), wide: true,
                        caption: Self.importanceCaption(report.importance.measure)),
        ])
        if report.isValidated {
            page += Self.section("Where: severity by département (validation rows)", [
                Self.figure(id: "fig-map", title: "Risk map", svg: RiskMapChart.svg(report.severityByDepartement), wide: true,
                            caption: "Each circle is a département at its place, its area proportional to its accidents in the "
                                + "validation rows. Left, the colour is the model's mean predicted probability of a severe outcome "
                                + "(\(Self.severeClassText(report))); right, the share actually observed. Similar colours on both "
                                + "maps mean the model gets the geography right. Hover a circle for its numbers."),
                Self.figure(id: "fig-departement-scatter", title: "Observed against predicted, by département",
                            svg: DepartementScatterChart.svg(report.severityByDepartement),
                            caption: "The maps' numbers side by side. On the dashed line the model's average matches reality; above "
                                + "it the département has more severe outcomes than predicted. Small circles are few rows, so their "
                                + "observed share is noisy: judge the big ones."),
                Self.departementTable(report.severityByDepartement),
            ])
        } else {
            page += Self.section("Validation", ["<p class=\"lead\">No validation: the model trained on all rows and no row was held out, "
                + "so there is no ROC curve, calibration, confusion matrix or risk map of unseen rows. Hold rows out "
                + "(a validation share, folds, or separate validation data) to see them.</p>\n"])
        }
        page += Self.section("The training data", [Self.dataTable(report.data)])
        page += """
            <footer>Generated by AccidentML \(Markup.escape(run.libraryVersion)) for the run of \(Markup.escape(run.createdAt)); \
            data: \(Markup.escape(run.dataSource.isEmpty ? "not recorded" : run.dataSource)).</footer>
            </main>
            </body>
            </html>

            """
        return page
    }

    /// A `<section>` with a heading and the given blocks in a two-column grid.
    static func section(_ heading: String, _ blocks: [String]) -> String {
        "<section>\n<h2>\(Markup.escape(heading))</h2>\n<div class=\"grid\">\n" + blocks.joined() + "</div>\n</section>\n"
    }

    /// A chart card: title, the SVG and a caption saying how to read it.
    static func figure(id: String, title: String, svg: SVGNode, wide: Bool = false, caption: String) -> String {
        "<figure id=\"\(id)\" class=\"card\(wide ? " wide" : "")\">\n<h3>\(Markup.escape(title))</h3>\n"
            + svg.markup + "\n<figcaption>\(Markup.escape(caption))</figcaption>\n</figure>\n"
    }

    static func importanceCaption(_ measure: TrainingReport.Importance.Measure) -> String {
        switch measure {
        case .gain:
            "How much the model relies on each feature: the share of all the loss reduction its splits bring, "
                + "with the number of splits on it. It says how much a feature is used, not whether it makes severity more "
                + "or less likely."
        case .absoluteCoefficient:
            "The size of each feature's coefficient on standardised features: how strongly a one-standard-deviation "
                + "change moves the log-odds. The sign (more or less severe) is not shown."
        }
    }

    /// `class “severe”`, `classes “hospitalised” or “killed”`: what counts as severe.
    static func severeClassText(_ report: TrainingReport) -> String {
        let labels = report.severityByDepartement.severeClasses.map {
            "“" + ($0 < report.run.classLabels.count ? report.run.classLabels[$0] : "\($0)") + "”"
        }
        return (labels.count == 1 ? "class " : "classes ") + labels.joined(separator: " or ")
    }
}
