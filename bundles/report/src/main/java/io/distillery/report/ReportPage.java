package io.distillery.report;

import java.util.List;

/**
 * The report as one self-contained page: inline CSS and SVG, no script, font or network access, so that it can be
 * mailed, archived or opened from a copied run directory. Written as HTML in its XML-compatible form, so that XML
 * tools can read it too.
 */
final class ReportPage {
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String STYLE = """
            body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; }
            main { max-width: 1320px; margin: 0 auto; padding: 1.2rem 1.6rem 3rem; }
            h1 { font-size: 1.5rem; margin: 0 0 .3rem; }
            h1 .id { font-family: ui-monospace, Menlo, Consolas, monospace; }
            h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
            h3 { font-size: 1.05rem; margin: 1.4rem 0 .2rem; }
            .status { white-space: pre-wrap; margin: 0; }
            .status.failed { background: #fdecea; border-left: 4px solid #c62828; padding: .5rem .8rem; }
            .notes li { color: #7a4b00; }
            table { border-collapse: collapse; margin: .4rem 0 1rem; }
            th, td { padding: .3rem .8rem; border-bottom: 1px solid #e4e4e4; text-align: right; }
            th:first-child { text-align: left; }
            thead th { border-bottom: 2px solid #bbb; }
            tr[data-role=student] { font-weight: 600; background: #f2f7fc; }
            table.against th { font-weight: normal; color: #555; }
            table.against td { text-align: left; }
            .facts { color: #555; margin: 0 0 .4rem; }
            .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: .8rem; }
            svg.chart { width: 100%; height: auto; }
            pre { background: #f6f6f6; padding: .8rem; overflow: auto; font-size: 13px; }
            """;

    private ReportPage() {}

    /**
     * @param report what to show
     * @return the page
     */
    static String render(RunReport report) {
        Markup m = new Markup();
        m.verbatim("<!DOCTYPE html>\n");
        m.open("html", "xmlns", XHTML, "lang", "en").open("head");
        m.empty("meta", "charset", "utf-8");
        m.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        m.leaf("title", "Distillery run " + report.id());
        m.open("style").verbatim(STYLE).close();
        m.close().open("body").open("main");
        m.open("h1").text("Distillery run ").leaf("span", report.id(), "class", "id").close();
        report.failure().ifPresentOrElse(
                why -> m.leaf("p", "The run failed: " + why, "class", "status failed"),
                () -> m.leaf("p", "The run finished.", "class", "status finished"));
        notes(m, report.notes());
        m.open("section", "class", "models").leaf("h2", "Models");
        if (report.summary().isEmpty()) {
            m.leaf("p", "No model was measured on the test set.");
        } else {
            ComparisonTable.render(m, report.summary());
        }
        m.close().open("section", "class", "training").leaf("h2", "Training");
        if (report.phases().isEmpty()) {
            m.leaf("p", "No epoch was recorded.");
        }
        report.phases().forEach(phase -> PhaseSection.render(m, phase));
        m.close().open("section", "class", "config").leaf("h2", "Config").leaf("pre", report.config()).close();
        m.close().close().close();
        return m.toString();
    }

    private static void notes(Markup m, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        m.open("section", "class", "notes").leaf("h2", "Notes on the run's files").open("ul");
        notes.forEach(note -> m.leaf("li", note));
        m.close().close();
    }
}
