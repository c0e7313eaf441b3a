package io.distillery.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.distillery.api.run.RunSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config files: errors that name the key path, overrides, defaults, and the resolved config round trip. */
class ConfigLoaderTest {
    private static final String MINIMAL = """
            dataset: {name: mnist}
            student: {model: {name: mlp, hidden: [800, 800]}}
            strategy: {name: kd, temperature: 20}
            train: {epochs: 2, batch: 128, optimizer: {name: sgd, lr: 0.05}}
            """;

    @TempDir
    Path tmp;

    private RunSpec load(String yaml, String... overrides) throws IOException {
        Path file = tmp.resolve("exp.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, List.of(overrides));
    }

    private String error(String yaml, String... overrides) {
        return assertThrows(IllegalArgumentException.class, () -> load(yaml, overrides)).getMessage();
    }

    @Test
    void defaultsAreFilledIn() throws IOException {
        RunSpec spec = load(MINIMAL);
        assertEquals(1, spec.integer("seed"));
        assertEquals("runs", spec.string("output"));
        assertEquals(true, spec.find("baseline").orElseThrow());
        assertEquals(0.0, spec.number("train.optimizer.momentum"));
        assertEquals("constant", spec.string("train.schedule.name"));
        assertEquals(List.of(), spec.find("dataset.transforms").orElseThrow());
        assertTrue(spec.find("teacher").isEmpty());
    }

    /** The repository's example configs, which the README runs, are valid against the schema. */
    @Test
    void theExamplesLoad() throws IOException {
        Path examples = Path.of("../../examples");
        List<Path> files;
        try (var listing = Files.list(examples)) {
            files = listing.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.endsWith("mnist-kd.yaml")), "no examples in " + examples.toAbsolutePath());
        for (Path file : files) {
            RunSpec spec = ConfigLoader.load(file, List.of());
            assertEquals("mnist", spec.string("dataset.name"), file.toString());
        }
    }

    @Test
    void unknownKeysAreErrorsWithADidYouMean() {
        String msg = error(MINIMAL + "trian: {epochs: 1}\n");
        assertTrue(msg.contains("unknown config key 'trian'; did you mean 'train'?"), msg);
        String nested = error(MINIMAL.replace("lr: 0.05", "lr: 0.05, momentun: 0.9"));
        assertTrue(nested.contains("'train.optimizer.momentun'; did you mean 'momentum'?"), nested);
        assertTrue(nested.contains("exp.yaml"), "names the file: " + nested);
    }

    @Test
    void wrongTypesAndMissingKeysNameTheKeyPath() {
        assertTrue(error(MINIMAL.replace("epochs: 2", "epochs: two")).contains(
                "config key 'train.epochs' must be an integer, got 'two' (a string)"));
        assertTrue(error(MINIMAL.replace("epochs: 2", "epochs: 0")).contains("'train.epochs' must be at least 1"));
        assertTrue(error(MINIMAL.replace("student: {model: {name: mlp, hidden: [800, 800]}}\n", ""))
                .contains("config key 'student' is missing"));
        assertTrue(error(MINIMAL.replace("strategy: {name: kd, temperature: 20}", "strategy: {temperature: 20}"))
                .contains("config key 'strategy.name' must be a string, got nothing"));
        assertTrue(error("- a list\n").contains("must hold a map of settings"));
        assertTrue(error("a: [unclosed\n").contains("is not valid YAML"));
    }

    @Test
    void overridesSetAnyKeyWithYamlValues() throws IOException {
        RunSpec spec = load(MINIMAL, "student.model.hidden=[400,400]", "train.optimizer.momentum=0.9",
                "teacher.model.name=mlp", "dataset.options.kind=blobs");
        assertEquals(List.of(400, 400), spec.find("student.model.hidden").orElseThrow());
        assertEquals(0.9, spec.number("train.optimizer.momentum"));
        assertEquals("mlp", spec.string("teacher.model.name"));
        assertEquals(Map.of("kind", "blobs"), spec.section("dataset.options").asMap());
        assertTrue(error(MINIMAL, "train.epochs").contains("not of the form key.path=value"));
        assertTrue(error(MINIMAL, "train.epochs.x=1").contains("'train.epochs' is not a map"));
    }

    @Test
    void aResolvedConfigReadsBackUnchanged() throws IOException {
        RunSpec spec = load(MINIMAL, "dataset.transforms=[{name: translate, pixels: 2}]");
        Path again = tmp.resolve("resolved.yaml");
        Files.writeString(again, ConfigLoader.dump(spec));
        assertEquals(spec, ConfigLoader.load(again, List.of()));
    }
}
