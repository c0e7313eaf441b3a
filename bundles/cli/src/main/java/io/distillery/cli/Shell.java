package io.distillery.cli;

/** Something that runs an interactive shell on the caller's thread until the user leaves it. */
@FunctionalInterface
interface Shell {

    /**
     * Runs the shell.
     *
     * @throws Exception when no shell can be started, or it ends with an error
     */
    void run() throws Exception;
}
