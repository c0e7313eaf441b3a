package io.distillery.api.run;

import java.nio.file.Path;

/**
 * A run stopped before its end: the message says where and why (the step, the loss term, the last good
 * checkpoint) and what to try. Nothing the run had written is lost.
 */
public final class RunFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path directory;

    /**
     * @param message what happened and what to try
     * @param directory the run's directory
     * @param cause the underlying failure, if any
     */
    public RunFailedException(String message, Path directory, Throwable cause) {
        super(message, cause);
        this.directory = directory;
    }

    /** @return the directory of the run that failed */
    public Path directory() {
        return directory;
    }
}
