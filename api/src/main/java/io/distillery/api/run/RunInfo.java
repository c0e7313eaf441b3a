package io.distillery.api.run;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A run's identity: the id events carry, the directory it writes to, and its resolved config.
 *
 * @param id the run's id, unique within its output folder
 * @param directory where the run writes its config, metrics, checkpoints and report
 * @param spec the resolved config
 */
public record RunInfo(String id, Path directory, RunSpec spec) {

    /** Requires every part. */
    public RunInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(spec, "spec");
    }
}
