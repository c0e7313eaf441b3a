/**
 * The HTML report: when a run ends, finished or failed, a {@link io.distillery.api.run.RunListener} reads the
 * run directory's {@code metrics.jsonl}, {@code summary.json} and {@code config.yaml} and writes
 * {@code report.html} beside them, a self-contained page with the comparison table and inline SVG plots.
 *
 * <p>Private to the bundle: nothing here is exported.
 */
package io.distillery.report;
