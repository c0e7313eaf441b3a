package io.distillery.report;

import io.distillery.api.run.Metrics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a report shows about one run, read from its directory.
 *
 * @param id the run's id
 * @param failure why the run stopped, if it failed
 * @param config the resolved config as text
 * @param summary the final measurements by role; empty where there are none
 * @param phases what each phase logged, in the order phases started
 * @param notes what was missing or malformed in the run's files, one sentence each
 */
record RunReport(String id, Optional<String> failure, String config, Map<String, Metrics> summary,
        List<PhaseLog> phases, List<String> notes) {

    /** Copies the collections, keeping their order. */
    RunReport {
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        phases = List.copyOf(phases);
        notes = List.copyOf(notes);
    }
}
