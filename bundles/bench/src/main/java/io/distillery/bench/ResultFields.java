package io.distillery.bench;

import io.distillery.api.run.BenchmarkResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns measurements into results with the reference script's keys, in its order and rounded as it rounds, so
 * that a line of one can be set beside a line of the other. Where the script names its PyTorch and BLAS builds
 * ({@code torch}, {@code blas}, {@code omp_wait_policy}), a training result names the {@code backend} that ran it.
 */
final class ResultFields {

    private ResultFields() {
    }

    /**
     * @param model the workload's name
     * @param batch the batch size
     * @param threads the backend's thread count
     * @param kept the kept attempt's timed steps
     * @param backend the backend that ran it
     * @return the result: {@code bench} is {@code train}
     */
    static BenchmarkResult training(String model, int batch, int threads, QuietRetry.Attempt<Timing> kept,
            String backend) {
        Timing t = kept.value();
        double median = t.median();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("bench", "train");
        f.put("model", model);
        f.put("batch", batch);
        f.put("threads", threads);
        f.put("steps", t.count());
        f.put("samples_per_s", round((double) batch * t.count() / t.total(), 1));
        f.put("samples_per_s_median", round(batch / median, 1));
        f.put("ms_per_step_median", round(median * 1e3, 3));
        f.put("gflops", round(t.flops() / median / 1e9, 2));
        f.put("flops_per_sample", (long) t.flops() / batch);
        cpuAndAttempt(f, kept);
        f.put("backend", backend);
        return new BenchmarkResult(f);
    }

    /**
     * @param backend the backend's name
     * @param n the matrices' size
     * @param threads the backend's thread count
     * @param kept the kept attempt's timed products
     * @return the result: {@code bench} is {@code sgemm}, {@code lib} the backend
     */
    static BenchmarkResult gemm(String backend, int n, int threads, QuietRetry.Attempt<Timing> kept) {
        Timing t = kept.value();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("bench", "sgemm");
        f.put("lib", backend);
        f.put("n", n);
        f.put("threads", threads);
        f.put("reps", t.count());
        f.put("gflops_median", round(t.flops() / t.median() / 1e9, 1));
        f.put("gflops_best", round(t.flops() / t.best() / 1e9, 1));
        f.put("ms_median", round(t.median() * 1e3, 2));
        cpuAndAttempt(f, kept);
        return new BenchmarkResult(f);
    }

    private static void cpuAndAttempt(Map<String, Object> f, QuietRetry.Attempt<Timing> kept) {
        f.put("own_cpu", round(kept.value().usage().ownCores(), 2));
        f.put("foreign_cpu", round(kept.value().usage().foreignCores(), 2));
        f.put("attempt", kept.number());
        f.put("disturbed", kept.disturbed());
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
