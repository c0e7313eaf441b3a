package io.distillery.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.distillery.api.run.Metrics;
import io.distillery.api.run.RunInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a run directory into a {@link RunReport}, taking whatever is there: a missing or malformed file becomes
 * a note on the page, never a reason to write no page.
 */
final class RunReader {
    /** The resolved config's file name in a run directory. */
    static final String CONFIG = "config.yaml";

    private final ObjectMapper json;
    private final MetricsReader metrics;
    private final SummaryReader summaries;

    /** @param json the mapper that parses the run's JSON files */
    RunReader(ObjectMapper json) {
        this.json = json;
        this.metrics = new MetricsReader(json);
        this.summaries = new SummaryReader(json);
    }

    /**
     * @param run the run
     * @param summary the measurements the run handed to its listeners, which take precedence over
     *        {@code summary.json} role by role since they may arrive before the file is written
     * @param failure why the run stopped, if it failed
     * @return what the report shows
     */
    RunReport read(RunInfo run, Map<String, Metrics> summary, Optional<String> failure) {
        List<String> notes = new ArrayList<>();
        MetricsReader.Result epochs = metrics.read(run.directory());
        notes.addAll(epochs.problems());
        List<PhaseLog> phases = PhaseLog.group(epochs.lines());
        phases.forEach(p -> notes.addAll(p.gaps()));
        Map<String, Metrics> roles = new LinkedHashMap<>();
        Optional<SummaryReader.Result> file = summaries.read(run.directory());
        file.ifPresent(f -> {
            roles.putAll(f.roles());
            notes.addAll(f.problems());
        });
        roles.putAll(summary);
        // A failed run has no summary yet: its absence is only news when the run finished.
        if (file.isEmpty() && roles.isEmpty() && failure.isEmpty()) {
            notes.add(SummaryReader.FILE + " is missing: there is no comparison of the models.");
        }
        return new RunReport(run.id(), failure, config(run, notes), roles, phases, notes);
    }

    /** The config as the run wrote it; where it did not, the one it was given, as JSON. */
    private String config(RunInfo run, List<String> notes) {
        String fallback = "; the config shown is the one the run was given, as JSON.";
        try {
            return new String(Files.readAllBytes(run.directory().resolve(CONFIG)), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            notes.add(CONFIG + " is missing" + fallback);
        } catch (IOException e) {
            notes.add(CONFIG + " could not be read (" + e + ")" + fallback);
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(run.spec().asMap());
        } catch (JsonProcessingException e) {
            // A value Jackson cannot write still has a string form.
            return run.spec().toString();
        }
    }
}
