package io.distillery.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.distillery.api.run.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code summary.json}, the final measurements of each model by role: {@code {"run": ..., "teacher":
 * {...}, "baseline": {...}, "student": {...}}}. Every field of a role that is a number is kept; other fields and
 * members that are not objects (the run's id) are left out.
 */
final class SummaryReader {
    /** The file's name in a run directory. */
    static final String FILE = "summary.json";

    private final ObjectMapper json;

    /** @param json the mapper that parses the file */
    SummaryReader(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The roles that could be read, and what was wrong with the file.
     *
     * @param roles the measurements by role, in the file's order
     * @param problems why the file could not be used, if it could not
     */
    record Result(Map<String, Metrics> roles, List<String> problems) {
    }

    /**
     * @param directory the run directory
     * @return nothing where there is no file (whether that is a problem depends on how the run ended), else the
     *         roles, or none with a problem where the file is malformed
     */
    Optional<Result> read(Path directory) {
        JsonNode root;
        try {
            root = json.readTree(Files.readAllBytes(directory.resolve(FILE)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JacksonException e) {
            return problem("is not valid JSON (" + JsonFiles.describe(e) + ")");
        } catch (IOException e) {
            return problem("could not be read (" + e + ")");
        }
        if (!root.isObject()) {
            return problem("is not a JSON object");
        }
        Map<String, Metrics> roles = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> role : root.properties()) {
            if (role.getValue().isObject()) {
                Map<String, Double> values = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : role.getValue().properties()) {
                    if (field.getValue().isNumber()) {
                        values.put(field.getKey(), field.getValue().doubleValue());
                    }
                }
                roles.put(role.getKey(), new Metrics(values));
            }
        }
        return Optional.of(new Result(roles, List.of()));
    }

    private static Optional<Result> problem(String what) {
        return Optional.of(new Result(Map.of(), List.of(FILE + " " + what + ": its measurements are left out.")));
    }
}
