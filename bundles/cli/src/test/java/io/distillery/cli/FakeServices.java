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

    @Override
    public Experiments experiments() {
        if (experiments == null) {
            throw new IllegalStateException("no run orchestrator: the bundle io.distillery.runner is not in this distribution");
        }
        return experiments;
    }

    @Override
    public AutoCloseable listen(RunListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
