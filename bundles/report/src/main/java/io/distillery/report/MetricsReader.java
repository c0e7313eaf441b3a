package io.distillery.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads {@code metrics.jsonl} leniently: a line it cannot use (malformed JSON, half written when the run was
 * killed, without a phase or an epoch) is skipped and described, so that one bad line costs one point of a plot
 * and never the report.
 */
final class MetricsReader {
    /** The file's name in a run directory. */
    static final String FILE = "metrics.jsonl";

    /** The fields that say which epoch a line is about; every other numeric field is a measurement. */
    private static final Set<String> FIXED = Set.of("phase", "stage", "epoch", "epochs", "backend");

    /** How many skipped lines are described one by one. */
    private static final int MAX_PROBLEMS = 20;

    private final ObjectMapper json;

    /** @param json the mapper that parses each line */
    MetricsReader(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The lines that could be read, and what was wrong with the others.
     *
     * @param lines the usable lines, in the file's order
     * @param problems one sentence for each line skipped, or for a file that could not be read
     */
    record Result(List<EpochLine> lines, List<String> problems) {
    }

    /**
     * @param directory the run directory
     * @return its epochs, with a problem where the file is missing or unreadable
     */
    Result read(Path directory) {
        String text;
        try {
            // Decoding the bytes replaces malformed UTF-8 instead of failing the whole file.
            text = new String(Files.readAllBytes(directory.resolve(FILE)), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Result(List.of(),
                    List.of(FILE + " is missing: no epoch was recorded, so there is nothing to plot."));
        } catch (IOException e) {
            return new Result(List.of(), List.of(FILE + " could not be read (" + e + "): nothing to plot."));
        }
        List<EpochLine> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] rows = text.split("\r?\n", -1);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            try {
                lines.add(parse(rows[i]));
            } catch (JacksonException e) {
                problems.add(skipped(i, "not valid JSON (" + JsonFiles.describe(e) + ")"));
            } catch (IllegalArgumentException e) {
                problems.add(skipped(i, e.getMessage()));
            }
        }
        if (problems.size() > MAX_PROBLEMS) {
            // A file of garbage would otherwise bury the report under one note per line.
            int more = problems.size() - MAX_PROBLEMS;
            problems.subList(MAX_PROBLEMS, problems.size()).clear();
            problems.add(FILE + ": " + more + " more lines skipped.");
        }
        return new Result(lines, problems);
    }

    private EpochLine parse(String row) throws JacksonException {
        JsonNode node = json.readTree(row);
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode phase = node.path("phase");
        if (!phase.isTextual() || phase.asText().isBlank()) {
            throw new IllegalArgumentException("no \"phase\" name");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!FIXED.contains(field.getKey()) && field.getValue().isNumber()) {
                metrics.put(field.getKey(), field.getValue().doubleValue());
            }
        }
        int epoch = whole(node, "epoch").orElseThrow(() -> new IllegalArgumentException("no \"epoch\" number"));
        return new EpochLine(phase.asText(), whole(node, "stage").orElse(0), epoch, whole(node, "epochs").orElse(0),
                node.path("backend").asText(""), metrics);
    }

    /** @return the field's value, a whole number of at least 0, or nothing where the line lacks the field */
    private static OptionalInt whole(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw new IllegalArgumentException("\"" + field + "\" must be a whole number of at least 0, got " + value);
        }
        return OptionalInt.of(value.intValue());
    }

    private static String skipped(int index, String why) {
        return FILE + " line " + (index + 1) + " skipped: " + why + ".";
    }
}
