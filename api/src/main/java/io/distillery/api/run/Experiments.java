package io.distillery.api.run;

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
