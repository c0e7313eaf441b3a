package io.distillery.bench;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.Backends;
import io.distillery.api.run.BenchmarkRequest;
import io.distillery.api.run.BenchmarkResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One benchmark run: measures every configuration of a request in turn on the backend the engine uses, in the
 * reference script's order (for each workload, its batch sizes, and for each of those the thread counts; gemm
 * by size, then thread count), and finally restores the backends' thread counts.
 */
final class BenchmarkRunner {
    /** The workload that times matrix products instead of training steps. */
    static final String GEMM = "gemm";
    /** Timed products per gemm configuration, as the reference script's {@code --peak-reps}. */
    static final int GEMM_REPETITIONS = 10;

    private final Kit kit;
    private final Backends backends;
    private final Function<String, Optional<Backend>> backendNamed;
    private final ThreadControl threads;
    private final StepWindow window;
    private final QuietRetry retry;

    /**
     * @param kit the engine services the workloads are built from
     * @param backends which backend the engine uses
     * @param backendNamed finds a backend service by name, for gemm
     * @param threads sets the backends' thread counts; closed at the end of the run
     * @param clocks the clocks to measure with
     * @param rules how to deal with other processes
     */
    BenchmarkRunner(Kit kit, Backends backends, Function<String, Optional<Backend>> backendNamed,
            ThreadControl threads, Clocks clocks, Disturbance rules) {
        this.kit = kit;
        this.backends = backends;
        this.backendNamed = backendNamed;
        this.threads = threads;
        this.window = new StepWindow(clocks);
        this.retry = new QuietRetry(clocks, rules);
    }

    /** @return the names of every workload, training ones first */
    static List<String> workloads() {
        List<String> names = new ArrayList<>();
        for (TrainingWorkload w : TrainingWorkload.values()) {
            names.add(w.id());
        }
        names.add(GEMM);
        return names;
    }

    /**
     * @param request what to measure
     * @param results receives each result as soon as it is measured
     * @throws IllegalArgumentException naming an unknown workload and listing the known ones
     */
    @SuppressWarnings("try") // the thread control is only closed here: the measurements reach it through the field
    void run(BenchmarkRequest request, Consumer<BenchmarkResult> results) {
        for (String name : request.workloads()) {
            if (!workloads().contains(name)) {
                throw new IllegalArgumentException("unknown workload '" + name + "' (known: "
                        + String.join(", ", workloads()) + ")");
            }
        }
        try (ThreadControl restored = threads) {
            for (String name : request.workloads()) {
                Optional<TrainingWorkload> training = TrainingWorkload.byId(name);
                for (int size : training.isPresent() ? request.batches() : request.gemmSizes()) {
                    for (int count : request.threads()) {
                        results.accept(training.isPresent() ? train(training.get(), size, count, request)
                                : gemm(size, count));
                    }
                }
            }
        }
    }

    private BenchmarkResult train(TrainingWorkload workload, int batch, int count, BenchmarkRequest request) {
        String backend = useThreads(count);
        QuietRetry.Attempt<Timing> kept = retry.measure(() -> {
            try (TrainingStep step = workload.prepare(kit, batch)) {
                return window.timed(step::run, step.flops(), request.warmupSeconds(), request.seconds());
            }
        }, t -> t.usage().foreignCores());
        return ResultFields.training(workload.id(), batch, count, kept, backend);
    }

    private BenchmarkResult gemm(int n, int count) {
        String name = useThreads(count);
        Backend backend = backendNamed.apply(name).orElseThrow(() -> new IllegalStateException(
                "the engine computes on backend " + name + ", but no Backend service of that name is registered"));
        QuietRetry.Attempt<Timing> kept = retry.measure(() -> {
            try (GemmProduct product = new GemmProduct(backend, n)) {
                return window.repeated(product::run, product.flops(), GEMM_REPETITIONS);
            }
        }, t -> t.usage().foreignCores());
        return ResultFields.gemm(name, n, count, kept);
    }

    /** Sets the thread count of the backend the engine will use, and returns that backend's name. */
    private String useThreads(int count) {
        threads.set(settle(), count);
        return settle(); // a backend that restarted to take up its new configuration may have moved the engine
    }

    private String settle() {
        // Opening a step moves the engine to the backend it prefers now, such as one just pinned.
        kit.tensors().scope().close();
        return backends.current().orElseThrow(() -> new IllegalStateException("no backend is available"));
    }
}
