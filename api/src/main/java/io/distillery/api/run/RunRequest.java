package io.distillery.api.run;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run: a fresh experiment from a config, or the continuation of a stopped run from its directory.
 *
 * @param spec the resolved config; for a resumed run, the config stored in its directory
 * @param resumeFrom the directory of the run to continue, if any
 */
public record RunRequest(RunSpec spec, Optional<Path> resumeFrom) {

    /** Requires the config. */
    public RunRequest {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(resumeFrom, "resumeFrom");
    }
}
