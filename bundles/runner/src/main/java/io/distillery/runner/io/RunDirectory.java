package io.distillery.runner.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.distillery.api.run.Metrics;

/**
 * A run's folder: {@code config.yaml}, {@code metrics.jsonl} (one JSON object per finished epoch),
 * {@code summary.json}, and the checkpoints. Whole files are replaced atomically; metric lines are appended.
 */
public final class RunDirectory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    static final String CONFIG = "config.yaml";
    static final String METRICS = "metrics.jsonl";
    static final String SUMMARY = "summary.json";

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /**
     * @param output the folder runs go into
     * @param name the run's name
     * @return a new, empty folder {@code output/name-yyyyMMdd-HHmmss} (with a counter if that exists)
     * @throws IOException if it cannot be made
     */
    public static RunDirectory create(Path output, String name) throws IOException {
        Files.createDirectories(output);
        String base = name + "-" + LocalDateTime.now().format(STAMP);
        for (int i = 0;; i++) {
            Path p = output.resolve(i == 0 ? base : base + "-" + i);
            try {
                return new RunDirectory(Files.createDirectory(p));
            } catch (FileAlreadyExistsException e) {
                // another run started in the same second; try the next name
            }
        }
    }

    /**
     * @param path an existing run folder
     * @return it
     * @throws IllegalArgumentException if it is not a run folder, naming what is missing
     */
    public static RunDirectory open(Path path) {
        if (!Files.isRegularFile(path.resolve(CONFIG))) {
            throw new IllegalArgumentException(path + " is not a run directory: it has no " + CONFIG);
        }
        return new RunDirectory(path);
    }

    /** @return the folder */
    public Path path() {
        return path;
    }

    /** @return the run's id: the folder's name */
    public String id() {
        return path.getFileName().toString();
    }

    /** @return the stored config file */
    public Path config() {
        return path.resolve(CONFIG);
    }

    /** @param yaml the resolved config @throws IOException if writing fails */
    public void writeConfig(String yaml) throws IOException {
        AtomicFiles.write(config(), yaml);
    }

    /** @param name a checkpoint's name without extension @return its file */
    public Path checkpoint(String name) {
        return path.resolve(name + ".safetensors");
    }

    /** @param line one epoch's record @throws UncheckedIOException if appending fails */
    public void appendMetrics(Map<String, Object> line) {
        try {
            Files.writeString(path.resolve(METRICS), JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + path.resolve(METRICS), e);
        }
    }

    /**
     * Drops metric lines a resumed run will write again.
     *
     * @param keep which parsed lines to keep
     * @throws IOException if the file cannot be rewritten
     */
    @SuppressWarnings("unchecked")
    public void retainMetrics(Predicate<Map<String, Object>> keep) throws IOException {
        Path file = path.resolve(METRICS);
        if (!Files.exists(file)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && keep.test(JSON.readValue(line, Map.class))) {
                kept.add(line);
            }
        }
        AtomicFiles.write(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
    }

    /** @param summary each role's final measurements @throws IOException if writing fails */
    public void writeSummary(Map<String, Metrics> summary) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", id());
        summary.forEach((role, m) -> out.put(role, m.values()));
        AtomicFiles.write(path.resolve(SUMMARY), JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
    }
}
