package io.distillery.cli;

import io.distillery.api.run.BenchmarkRequest;
import io.distillery.api.run.BenchmarkResult;
import io.distillery.api.run.Benchmarks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A benchmark service that records its requests and answers each with the same canned results. */
final class FakeBenchmarks implements Benchmarks {
    final List<BenchmarkRequest> requests = new ArrayList<>();
    private final List<BenchmarkResult> answers;

    /** @param answers the results every run reports */
    FakeBenchmarks(List<BenchmarkResult> answers) {
        this.answers = answers;
    }

    @Override
    public List<String> workloads() {
        return List.of("mlp", "kd", "lenet", "conv32", "gemm");
    }

    @Override
    public void run(BenchmarkRequest request, Consumer<BenchmarkResult> results) {
        requests.add(request);
        answers.forEach(results);
    }
}
