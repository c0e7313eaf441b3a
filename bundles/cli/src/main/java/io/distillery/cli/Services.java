package io.distillery.cli;

import io.distillery.api.backend.Backends;
import io.distillery.api.run.Benchmarks;
import io.distillery.api.run.Experiments;
import io.distillery.api.run.RunListener;

/**
 * The framework services that commands call, looked up only when a command needs one, so that a command that
 * does not (such as {@code list}) starts no engine and loads no backend.
 */
interface Services {

    /**
     * @return the engine's backend choice
     * @throws IllegalStateException when the engine is not running
     */
    Backends backends();

    /**
     * @return the benchmark service
     * @throws IllegalStateException when the distribution has no benchmark bundle
     */
    Benchmarks benchmarks();

    /**
     * @return the run orchestrator
     * @throws IllegalStateException when the distribution has no run orchestrator
     */
    Experiments experiments();

    /**
     * Registers a run listener for as long as a command runs.
     *
     * @param listener the listener
     * @return closing it unregisters the listener
     */
    AutoCloseable listen(RunListener listener);
}
