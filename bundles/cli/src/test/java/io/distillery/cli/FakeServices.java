package io.distillery.cli;

import io.distillery.api.backend.Backends;
import io.distillery.api.run.Benchmarks;

/**
 * Services for tests; a {@code null} one is missing, as in a distribution without it.
 *
 * @param backends the engine's backend choice, or {@code null}
 * @param benchmarks the benchmark service, or {@code null}
 */
record FakeServices(Backends backends, Benchmarks benchmarks) implements Services {

    @Override
    public Backends backends() {
        if (backends == null) {
            throw new IllegalStateException("the engine is not running (no Backends service)");
        }
        return backends;
    }

    @Override
    public Benchmarks benchmarks() {
        if (benchmarks == null) {
            throw new IllegalStateException("no benchmark service: the bundle io.distillery.bench is not in this "
                    + "distribution");
        }
        return benchmarks;
    }
}
