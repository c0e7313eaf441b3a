package io.distillery.cli;

import io.distillery.api.backend.Backends;
import io.distillery.api.run.Benchmarks;

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
}
