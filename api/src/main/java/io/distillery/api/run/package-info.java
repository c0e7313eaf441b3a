/**
 * Runs: the parsed experiment config, the events a run emits, and the metrics it reports.
 *
 * <p>{@link io.distillery.api.run.RunListener} is a whiteboard service: every registered listener receives
 * every run's events, so progress bars, metric writers and dashboards are listeners in their own bundles.
 */
@Export
@Version("1.0.0")
package io.distillery.api.run;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
