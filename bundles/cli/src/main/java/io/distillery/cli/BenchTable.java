package io.distillery.cli;

import io.distillery.api.run.BenchmarkResult;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Prints benchmark results as they arrive, in the reference script's layout: a titled table for training
 * throughput and one for matrix products, each row followed by the whole result as a line {@code JSON {...}}.
 * A row still disturbed by other processes after every retry ends in {@code *}. Training rows add the backend.
 *
 * <pre>
 * == training throughput (synthetic data, 5 s window per config)
 * model   batch threads   samples/s    (median)    ms/step  GFLOP/s     own  foreign  backend
 * mlp        64       1      4861.3      4870.2      13.14     68.3    1.00     0.02  jvm
 * JSON {"bench": "train", "model": "mlp", "batch": 64, ...}
 * </pre>
 */
final class BenchTable {

    private final PrintWriter out;
    private final double windowSeconds;
    private String table = "";

    /**
     * @param out where the tables go
     * @param windowSeconds the timed window per configuration, for the title
     */
    BenchTable(PrintWriter out, double windowSeconds) {
        this.out = out;
        this.windowSeconds = windowSeconds;
    }

    /** @param result a result to print, with a title and column headings first if it starts a new table */
    void add(BenchmarkResult result) {
        Map<String, Object> f = result.fields();
        boolean training = "train".equals(f.get("bench"));
        if (!table.equals(f.get("bench"))) {
            table = String.valueOf(f.get("bench"));
            out.println();
            out.println(training ? trainingHeading() : gemmHeading(f));
        }
        String mark = Boolean.TRUE.equals(f.get("disturbed")) ? " *" : "";
        out.println((training ? trainingRow(f) : gemmRow(f)) + mark);
        out.println("JSON " + Json.object(f));
        out.flush();
    }

    private String trainingHeading() {
        return "== training throughput (synthetic data, " + plain(windowSeconds) + " s window per config)"
                + System.lineSeparator() + format("%-7s %5s %7s %11s %11s %10s %8s %7s %8s  %s", "model", "batch",
                        "threads", "samples/s", "(median)", "ms/step", "GFLOP/s", "own", "foreign", "backend");
    }

    private static String trainingRow(Map<String, Object> f) {
        return format("%-7s %5d %7d %11.1f %11.1f %10.2f %8.1f %7.2f %8.2f  %s", f.get("model"), whole(f, "batch"),
                whole(f, "threads"), real(f, "samples_per_s"), real(f, "samples_per_s_median"),
                real(f, "ms_per_step_median"), real(f, "gflops"), real(f, "own_cpu"), real(f, "foreign_cpu"),
                f.get("backend"));
    }

    private static String gemmHeading(Map<String, Object> f) {
        return "== SGEMM through the backend, n x n float32, median of " + f.get("reps") + System.lineSeparator()
                + format("%-6s %5s %7s %12s %12s %10s %8s", "lib", "n", "threads", "GFLOP/s med", "GFLOP/s best",
                        "ms med", "foreign");
    }

    private static String gemmRow(Map<String, Object> f) {
        return format("%-6s %5d %7d %12.1f %12.1f %10.2f %8.2f", f.get("lib"), whole(f, "n"), whole(f, "threads"),
                real(f, "gflops_median"), real(f, "gflops_best"), real(f, "ms_median"), real(f, "foreign_cpu"));
    }

    private static long whole(Map<String, Object> f, String key) {
        return ((Number) f.get(key)).longValue();
    }

    private static double real(Map<String, Object> f, String key) {
        return ((Number) f.get(key)).doubleValue();
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    /** Like Python's {@code %g} for the window: {@code 5}, {@code 0.2}. */
    private static String plain(double seconds) {
        return BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }
}
