package io.distillery.cli;

import io.distillery.api.backend.Backends;
import io.distillery.api.run.Benchmarks;
import io.distillery.api.run.Experiments;
import io.distillery.api.run.RunListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Services for tests; a {@code null} one is missing, as in a distribution without it.
 *
 * @param backends the engine's backend choice, or {@code null}
 * @param benchmarks the benchmark service, or {@code null}
 * @param experiments the run orchestrator, or {@code null}
 * @param listeners the run listeners registered now
 */
record FakeServices(Backends backends, Benchmarks benchmarks, Experiments experiments, List<RunListener> listeners)
        implements Services {

    FakeServices(Backends backends, Benchmarks benchmarks) {
        this(backends, benchmarks, null, new ArrayList<>());
    }

    @Override
    public Backends backends() {
        return present(backends, "the engine is not running (no Backends service)");
    }

    @Override
    public Benchmarks benchmarks() {
        return present(benchmarks, "no benchmark service: the bundle io.distillery.bench is not in this distribution");
    }

    @Override
    public Experiments experiments() {
        return present(experiments, "no run orchestrator: the bundle io.distillery.runner is not in this distribution");
    }

    /** Fails as the registry-backed services do when a service is missing. */
    private static <T> T present(T service, String missing) {
        if (service == null) {
            throw new IllegalStateException(missing);
        }
        return service;
    }

    @Override
    public AutoCloseable listen(RunListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
