package io.distillery.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.distillery.api.run.Metrics;
import io.distillery.api.run.RunInfo;
import io.distillery.api.run.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes sample run directories as the run orchestrator writes them: the Hinton MNIST table with smooth training
 * curves, the same run stopped half way, and FitNets-style stages beside a teacher assistant.
 */
final class SampleRuns {
    static final String CONFIG = """
            seed: 1
            dataset: {name: mnist, validation: 5000}
            teacher:
              model: {name: mlp, hidden: [1200, 1200], dropout: 0.5}
            student:
              model: {name: mlp, hidden: [800, 800]}
            strategy: {name: kd, temperature: 20, alpha: 0.9}
            train: {epochs: 20, batch: 128, optimizer: {name: sgd, lr: 0.05, momentum: 0.9}}
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleRuns() {}

    /** @return a run in {@code directory} with the given id and this sample's config */
    static RunInfo run(Path directory, String id) {
        return new RunInfo(id, directory, new RunSpec(Map.of("seed", 1, "strategy", Map.of("name", "kd"))));
    }

    /** Writes a finished KD run: config, 20 epochs of teacher, baseline and student, and the summary. */
    static void full(Path directory) {
        write(directory, "config.yaml", CONFIG);
        epochs(directory, "teacher", 0, 20, 20, 0.0132, List.of("ce"));
        epochs(directory, "baseline", 0, 20, 20, 0.0161, List.of("ce"));
        epochs(directory, "student", 0, 20, 20, 0.0148, List.of("kd", "ce"));
        write(directory, SummaryReader.FILE, summaryJson("mnist-kd-1", summary()));
    }

    /** @return the Hinton table: 132, 161 and 148 test errors out of 10,000 */
    static Map<String, Metrics> summary() {
        Map<String, Metrics> roles = new LinkedHashMap<>();
        roles.put("teacher", model(0.9868, 132, 2_395_210, 2_392_800, 9_580_840, 0.412));
        roles.put("baseline", model(0.9839, 161, 1_276_810, 1_275_200, 5_107_240, 0.213));
        roles.put("student", model(0.9852, 148, 1_276_810, 1_275_200, 5_107_240, 0.209));
        return roles;
    }

    static Metrics model(double accuracy, int errors, long params, long macs, long bytes, double latencyMs) {
        return new Metrics(Map.of("test_accuracy", accuracy, "test_errors", (double) errors, "params", (double) params,
                "macs", (double) macs, "bytes", (double) bytes, "latency_ms", latencyMs));
    }

    /**
     * Appends one phase's epochs to {@code metrics.jsonl}, with falling losses and rising accuracies.
     *
     * @param stage the stage they belong to
     * @param done how many epochs finished
     * @param planned how many the stage planned
     * @param finalError the error rate the curves approach
     * @param terms the loss terms besides the total {@code loss}
     */
    static void epochs(Path directory, String phase, int stage, int done, int planned, double finalError,
            List<String> terms) {
        StringBuilder lines = new StringBuilder();
        for (int e = 0; e < done; e++) {
            double decay = Math.exp(-0.3 * e);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("phase", phase);
            line.put("stage", stage);
            line.put("epoch", e);
            line.put("epochs", planned);
            line.put("backend", "nd4j");
            double total = 0;
            for (int t = 0; t < terms.size(); t++) {
                double value = (1.5 / (t + 1)) * decay + 0.02 * (t + 1);
                line.put(terms.get(t), value);
                total += value;
            }
            line.put("loss", total);
            line.put("train_accuracy", 1 - finalError * 0.5 - 0.12 * decay);
            line.put("val_accuracy", 1 - finalError * 1.1 - 0.1 * decay);
            line.put("test_accuracy", 1 - finalError - 0.1 * decay);
            line.put("samples_per_s", 9000 + 10 * e);
            line.put("learning_rate", 0.05 * Math.pow(0.9, e));
            line.put("seconds", 6.5);
            line.put("data_wait_s", 0.02);
            lines.append(json(line)).append('\n');
        }
        append(directory, MetricsReader.FILE, lines.toString());
    }

    static void write(Path directory, String file, String text) {
        try {
            Files.writeString(directory.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void append(Path directory, String file, String text) {
        try {
            Files.writeString(directory.resolve(file), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code summary.json}'s text: the run's id, then each role's measurements */
    static String summaryJson(String id, Map<String, Metrics> roles) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("run", id);
        roles.forEach((role, metrics) -> tree.put(role, metrics.values()));
        return json(tree);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
