package io.distillery.cli;

import io.distillery.api.run.BenchmarkResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** Benchmark results as the benchmark service reports them, for tests. */
final class Results {

    private Results() {}

    /**
     * @param model the workload
     * @param disturbed whether the window stayed disturbed
     * @return a training result with every key, in the service's order
     */
    static BenchmarkResult training(String model, boolean disturbed) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("bench", "train");
        f.put("model", model);
        f.put("batch", 64);
        f.put("threads", 2);
        f.put("steps", 371);
        f.put("samples_per_s", 4861.3);
        f.put("samples_per_s_median", 4870.2);
        f.put("ms_per_step_median", 13.141);
        f.put("gflops", 69.92);
        f.put("flops_per_sample", 14_356_800L);
        f.put("own_cpu", 1.98);
        f.put("foreign_cpu", 0.0);
        f.put("attempt", 1);
        f.put("disturbed", disturbed);
        f.put("backend", "jvm");
        return new BenchmarkResult(f);
    }

    /** @return a gemm result with every key, in the service's order */
    static BenchmarkResult gemm() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("bench", "sgemm");
        f.put("lib", "jvm");
        f.put("n", 2048);
        f.put("threads", 1);
        f.put("reps", 10);
        f.put("gflops_median", 61.2);
        f.put("gflops_best", 63.0);
        f.put("ms_median", 280.71);
        f.put("own_cpu", 1.0);
        f.put("foreign_cpu", 0.21);
        f.put("attempt", 5);
        f.put("disturbed", true);
        return new BenchmarkResult(f);
    }
}
