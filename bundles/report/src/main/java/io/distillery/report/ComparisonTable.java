package io.distillery.report;

import io.distillery.api.run.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;

/**
 * The report's comparison of the models a run measured: one row per role (teacher, any other role such as an
 * assistant, baseline student, distilled student) with test errors, accuracy, parameters, multiply-accumulates,
 * size and latency; then the distilled student against the others: its gain over the baseline and its gap to the
 * teacher in test errors, and its parameters, MACs, size and latency as fractions of the teacher's.
 */
final class ComparisonTable {
    private static final String TEACHER = "teacher";
    private static final String BASELINE = "baseline";
    private static final String STUDENT = "student";
    private static final String ERRORS = "test_errors";
    private static final String ACCURACY = "test_accuracy";
    private static final String MISSING = "—";

    /** The measured columns after the errors: title, summary key, format. */
    private record Column(String title, String key, DoubleFunction<String> format) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("test accuracy", ACCURACY, Numbers::percent),
            new Column("parameters", "params", Numbers::count),
            new Column("MACs", "macs", Numbers::count),
            new Column("size", "bytes", Numbers::bytes),
            new Column("latency", "latency_ms", v -> Numbers.significant(v, 3) + " ms"));

    private ComparisonTable() {}

    /**
     * @param m where to write the tables
     * @param summary the final measurements by role
     */
    static void render(Markup m, Map<String, Metrics> summary) {
        Optional<Double> testSet = TestSet.size(summary.values());
        m.open("table", "class", "models").open("thead").open("tr").leaf("th", "model")
                .leaf("th", testSet.map(n -> "test errors of " + Numbers.integer(n)).orElse("test errors"));
        COLUMNS.forEach(c -> m.leaf("th", c.title()));
        m.close().close().open("tbody");
        for (String role : order(summary)) {
            Metrics metrics = summary.get(role);
            m.open("tr", "data-role", role).leaf("th", label(role))
                    .leaf("td", value(metrics, ERRORS, Numbers::integer));
            COLUMNS.forEach(c -> m.leaf("td", value(metrics, c.key(), c.format())));
            m.close();
        }
        m.close().close();
        Metrics student = summary.get(STUDENT);
        if (student != null) {
            against(m, student, summary.get(BASELINE), summary.get(TEACHER));
        }
    }

    /** Teacher first and the students last, so that the roles in between (assistants) sit where they train. */
    private static List<String> order(Map<String, Metrics> summary) {
        List<String> roles = new ArrayList<>();
        if (summary.containsKey(TEACHER)) {
            roles.add(TEACHER);
        }
        summary.keySet().stream().filter(r -> !List.of(TEACHER, BASELINE, STUDENT).contains(r)).forEach(roles::add);
        List.of(BASELINE, STUDENT).stream().filter(summary::containsKey).forEach(roles::add);
        return roles;
    }

    private static String label(String role) {
        return switch (role) {
            case BASELINE -> "baseline student";
            case STUDENT -> "distilled student";
            default -> role;
        };
    }

    private static void against(Markup m, Metrics student, Metrics baseline, Metrics teacher) {
        m.open("table", "class", "against").open("tbody");
        row(m, "gain over the baseline", errors(student, baseline, "baseline"));
        row(m, "gap to the teacher", errors(student, teacher, "teacher"));
        for (Column c : COLUMNS.subList(1, COLUMNS.size())) {
            row(m, c.title() + " against the teacher", ratio(student, teacher, c.key()));
        }
        m.close().close();
    }

    private static void row(Markup m, String title, Optional<String> value) {
        value.ifPresent(v -> m.open("tr").leaf("th", title).leaf("td", v).close());
    }

    private static Optional<String> errors(Metrics student, Metrics other, String name) {
        Optional<Double> s = find(student, ERRORS);
        Optional<Double> o = find(other, ERRORS);
        if (s.isEmpty() || o.isEmpty()) {
            return Optional.empty();
        }
        double difference = s.get() - o.get();
        String change = Numbers.integer(o.get()) + " → " + Numbers.integer(s.get());
        if (difference == 0) {
            return Optional.of("as many test errors as the " + name + " (" + Numbers.integer(s.get()) + ")");
        }
        String relative = o.get() > 0 ? ", " + Numbers.significant(100 * Math.abs(difference) / o.get(), 3) + " %" : "";
        return Optional.of(Numbers.integer(Math.abs(difference)) + (difference < 0 ? " fewer" : " more")
                + " test errors than the " + name + " (" + change + relative + ")");
    }

    private static Optional<String> ratio(Metrics student, Metrics teacher, String key) {
        return find(student, key).flatMap(s -> find(teacher, key).filter(t -> t > 0)
                .map(t -> Numbers.significant(s / t, 2) + "× the teacher's"));
    }

    private static String value(Metrics metrics, String key, DoubleFunction<String> format) {
        return find(metrics, key).map(format::apply).orElse(MISSING);
    }

    private static Optional<Double> find(Metrics metrics, String key) {
        return metrics == null ? Optional.empty() : Optional.ofNullable(metrics.values().get(key));
    }
}
