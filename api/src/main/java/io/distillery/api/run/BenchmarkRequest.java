package io.distillery.api.run;

import java.util.List;

/**
 * Which throughput measurements to take: every combination of workload, batch size and thread count.
 *
 * @param workloads workload names, e.g. {@code mlp}, {@code kd}, {@code lenet}, {@code conv32}, {@code gemm}
 * @param batches batch sizes (training workloads)
 * @param threads backend thread counts
 * @param gemmSizes matrix sizes {@code n} of the {@code gemm} workload ({@code n x n x n})
 * @param seconds the timed window per configuration
 * @param warmupSeconds the warm-up before each window
 */
public record BenchmarkRequest(List<String> workloads, List<Integer> batches, List<Integer> threads,
        List<Integer> gemmSizes, double seconds, double warmupSeconds) {

    /** @throws IllegalArgumentException on empty lists, non-positive sizes or a non-positive window */
    public BenchmarkRequest {
        workloads = List.copyOf(workloads);
        batches = List.copyOf(batches);
        threads = List.copyOf(threads);
        gemmSizes = List.copyOf(gemmSizes);
        if (workloads.isEmpty()) {
            throw new IllegalArgumentException("no workload to measure");
        }
        positive("batch size", batches);
        positive("thread count", threads);
        positive("gemm size", gemmSizes);
        if (!(seconds > 0) || warmupSeconds < 0) {
            throw new IllegalArgumentException("the timed window must be positive and the warm-up not negative, got "
                    + seconds + " s and " + warmupSeconds + " s");
        }
    }

    private static void positive(String what, List<Integer> values) {
        if (values.isEmpty() || values.stream().anyMatch(v -> v < 1)) {
            throw new IllegalArgumentException("every " + what + " must be at least 1, got " + values);
        }
    }
}
