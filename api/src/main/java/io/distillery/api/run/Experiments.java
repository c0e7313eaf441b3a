package io.distillery.api.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs experiments: resolves the config's dataset, models, strategy and backend by name in the service
 * registry, trains what the strategy says, and writes the run directory. {@code distill run} is its command
 * line. A service registered by the run orchestrator.
 */
@ProviderType
public interface Experiments {

    /**
     * Reads an experiment config (YAML), applies overrides, checks it and fills in defaults.
     *
     * @param config the YAML file
     * @param overrides {@code key.path=value} settings applied on top, the value in YAML syntax
     *        ({@code student.model.hidden=[400,400]})
     * @return the resolved config, as a run would record it
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file, the key path and what was expected, with a "did you mean"
     *         for near misses
     */
    RunSpec configure(Path config, List<String> overrides) throws IOException;

    /**
     * Runs to completion on the calling thread.
     *
     * @param request the config, and the run to resume if any
     * @return the run's identity and its summary by role ({@code teacher}, {@code baseline}, {@code student})
     * @throws IllegalArgumentException for an invalid config, naming the key path and what was expected, or an
     *         unknown service name, listing the known ones
     * @throws RunFailedException when training fails (a non-finite loss, a failing strategy); what was written so
     *         far is kept
     */
    Result run(RunRequest request);

    /**
     * A finished run.
     *
     * @param run its identity
     * @param summary its final measurements by role
     */
    record Result(RunInfo run, Map<String, Metrics> summary) {
    }
}
