package io.distillery.api.run;

import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Measures training throughput on the current backend with the workloads of the PyTorch reference benchmark
 * (same layers, loss, SGD with momentum 0.9, synthetic data in memory), and gemm speed. A service registered by
 * the benchmark bundle; {@code distill bench} is its command line.
 */
@ProviderType
public interface Benchmarks {

    /** @return the workloads this service knows */
    List<String> workloads();

    /**
     * Measures every configuration of the request in turn.
     *
     * @param request what to measure
     * @param results receives each result as soon as it is measured
     * @throws IllegalArgumentException naming an unknown workload and listing the known ones
     */
    void run(BenchmarkRequest request, Consumer<BenchmarkResult> results);
}
