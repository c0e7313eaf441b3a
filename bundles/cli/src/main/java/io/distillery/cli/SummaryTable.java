package io.distillery.cli;

import io.distillery.api.run.Metrics;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** The end-of-run table: each model's test errors and accuracy, and what it costs, one row per role. */
final class SummaryTable {
    private static final String ROW = "%-18s %11s %9s %10s %10s %10s %11s%n";

    private final PrintWriter out;

    SummaryTable(PrintWriter out) {
        this.out = out;
    }

    void print(Map<String, Metrics> summary) {
        out.printf(Locale.ROOT, ROW, "model", "test errors", "accuracy", "params", "MACs", "size", "latency");
        summary.forEach((role, m) -> out.printf(Locale.ROOT, ROW, label(role),
                String.format(Locale.ROOT, "%.0f", m.get("test_errors")),
                String.format(Locale.ROOT, "%.2f %%", 100 * m.get("test_accuracy")), count(m.get("params")),
                count(m.get("macs")), bytes(m.get("bytes")), String.format(Locale.ROOT, "%.3f ms", m.get("latency_ms"))));
    }

    private static String label(String role) {
        return switch (role) {
            case "baseline" -> "baseline student";
            case "student" -> "distilled student";
            default -> role;
        };
    }

    private static String count(double n) {
        return n >= 1e6 ? String.format(Locale.ROOT, "%.2f M", n / 1e6)
                : n >= 1e3 ? String.format(Locale.ROOT, "%.1f k", n / 1e3) : String.format(Locale.ROOT, "%.0f", n);
    }

    private static String bytes(double n) {
        return n >= 1e6 ? String.format(Locale.ROOT, "%.2f MB", n / 1e6) : String.format(Locale.ROOT, "%.1f kB", n / 1e3);
    }
}
