package io.distillery.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.distillery.api.backend.Backend;
import io.distillery.api.run.Experiments;
import io.distillery.api.run.RunFailedException;
import io.distillery.api.run.RunListener;
import io.distillery.api.run.RunRequest;
import io.distillery.api.run.RunSpec;
import io.distillery.api.run.StepEvent;
import io.distillery.api.tensor.TensorData;
import io.distillery.runner.io.Safetensors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs on a small synthetic task: what a run writes, resuming after a stop in mid-epoch, failures. */
class ExperimentTest {
    private static final String CONFIG = """
            seed: 3
            dataset:
              name: synthetic
              validation: 100
              options: {kind: blobs, classes: 4, features: 8, train_size: 500, test_size: 200, noise: 2.0}
            teacher:
              model: {name: mlp, hidden: [48, 48]}
            student:
              model: {name: mlp, hidden: [6], dropout: 0.1}
            strategy: {name: kd, temperature: 4, alpha: 0.7}
            train:
              epochs: 3
              batch: 32
              optimizer: {name: sgd, lr: 0.05, momentum: 0.9}
              schedule: {name: exponential, gamma: 0.8}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private RunSpec spec(LocalServices s, String... overrides) throws IOException {
        Path file = tmp.resolve("config.yaml");
        Files.writeString(file, CONFIG);
        List<String> all = new ArrayList<>(List.of("output=" + tmp.resolve("runs")));
        all.addAll(List.of(overrides));
        return s.runner.configure(file, all);
    }

    @Test
    void aRunWritesItsConfigMetricsSummaryAndCheckpoints() throws IOException {
        LocalServices s = new LocalServices();
        Experiments.Result result = s.runner.run(new RunRequest(spec(s), Optional.empty()));
        Path dir = result.run().directory();
        assertEquals(List.of("teacher", "baseline", "student"), new ArrayList<>(result.summary().keySet()));
        assertTrue(Files.readString(dir.resolve("config.yaml")).contains("temperature: 4"));
        List<String> lines = Files.readAllLines(dir.resolve("metrics.jsonl"));
        assertEquals(9, lines.size(), "three epochs of three phases");
        JsonNode last = JSON.readTree(lines.get(8));
        assertEquals("student", last.get("phase").asText());
        for (String key : List.of("loss", "ce", "kd", "train_accuracy", "val_accuracy", "test_accuracy", "samples_per_s",
                "learning_rate", "seconds", "data_wait_s")) {
            assertTrue(last.has(key), key + " in " + last);
        }
        JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
        for (String role : List.of("teacher", "baseline", "student")) {
            for (String key : List.of("test_accuracy", "test_errors", "params", "macs", "bytes", "latency_ms")) {
                assertTrue(summary.get(role).has(key), role + "." + key);
            }
        }
        assertEquals(8 * 6 + 6 + 6 * 4 + 4, summary.get("student").get("params").asInt());
        assertEquals(8 * 6 + 6 * 4, summary.get("student").get("macs").asInt());
        assertTrue(summary.get("teacher").get("test_accuracy").asDouble() > 0.5, "the teacher learned: " + summary);
        for (String stage : List.of("teacher-stage0", "baseline-stage0", "student-stage0")) {
            assertTrue(Files.exists(dir.resolve(stage + ".safetensors")), stage);
        }
    }

    @Test
    void aRunStoppedInMidEpochResumesToTheSameParameters() throws IOException {
        Path uninterrupted = runAlone("output=" + tmp.resolve("a"));

        LocalServices stopped = new LocalServices();
        stopped.runner.listen(new RunListener() {
            @Override
            public void stepFinished(StepEvent e) {
                if (e.phase().equals("student") && e.epoch() == 1 && e.step() == 5) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        RunSpec spec = spec(stopped, "output=" + tmp.resolve("b"));
        RunFailedException failure = assertThrows(RunFailedException.class,
                () -> stopped.runner.run(new RunRequest(spec, Optional.empty())));
        assertTrue(Thread.interrupted(), "the interrupt is left for the caller");
        assertTrue(failure.getMessage().contains("student stage 0, epoch 2/3, step 7")
                && failure.getMessage().contains("(1 epochs done)"), failure.getMessage());

        LocalServices resumed = new LocalServices();
        Experiments.Result result = resumed.runner.run(new RunRequest(spec, Optional.of(failure.directory())));
        assertEquals(failure.directory(), result.run().directory());
        for (String stage : List.of("teacher-stage0", "baseline-stage0", "student-stage0")) {
            assertTrue(sameParameters(uninterrupted, failure.directory(), stage), stage);
        }
        assertEquals(Files.readAllLines(uninterrupted.resolve("metrics.jsonl")).size(),
                Files.readAllLines(failure.directory().resolve("metrics.jsonl")).size(), "no epoch reported twice");
    }

    @Test
    void teacherTransformsAugmentTheTeachersTrainingAlone() throws IOException {
        Path a = runAlone("output=" + tmp.resolve("a"));
        Path b = runAlone("output=" + tmp.resolve("b"), "teacher.transforms=[{name: gaussian-noise, std: 0.5}]");
        assertFalse(sameParameters(a, b, "teacher-stage0"), "the teacher trained on the same inputs");
        assertTrue(sameParameters(a, b, "baseline-stage0"), "the baseline saw the teacher's transforms");
    }

    @Test
    void aTeacherRunAheadOnALentThreadTrainsAsOneRunInPlace() throws IOException {
        Path inPlace = runAlone("output=" + tmp.resolve("a"));
        ExecutorService lent = Executors.newSingleThreadExecutor();
        AtomicInteger tasks = new AtomicInteger();
        // the JVM backend lends no thread of its own (each task runs at once); this one lends an executor's
        Backend lending = (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(),
                new Class<?>[] {Backend.class}, (proxy, method, args) -> {
                    if (method.getName().equals("aside")) {
                        tasks.incrementAndGet();
                        return lent.submit((Callable<?>) args[0]);
                    }
                    try {
                        return method.invoke(LocalServices.BACKEND, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try {
            Path ahead = runAlone(new LocalServices(lending), "output=" + tmp.resolve("b"));
            // 500 examples less 100 for validation, batches of 32: 13 steps, 12 with a next batch, in the first
            // epoch; after it the teacher's logits come from the cache
            assertEquals(12, tasks.get(), "teacher passes run ahead");
            for (String stage : List.of("teacher-stage0", "baseline-stage0", "student-stage0")) {
                assertTrue(sameParameters(inPlace, ahead, stage), stage);
            }
        } finally {
            lent.shutdownNow();
        }
    }

    /** @return the directory of a whole run of the test config, on services of its own */
    private Path runAlone(String... overrides) throws IOException {
        return runAlone(new LocalServices(), overrides);
    }

    private Path runAlone(LocalServices s, String... overrides) throws IOException {
        return s.runner.run(new RunRequest(spec(s, overrides), Optional.empty())).run().directory();
    }

    /** @return whether two runs' checkpoints of {@code stage} hold the same tensors, bit for bit */
    private static boolean sameParameters(Path a, Path b, String stage) throws IOException {
        Map<String, TensorData> x = Safetensors.read(a.resolve(stage + ".safetensors")).tensors();
        Map<String, TensorData> y = Safetensors.read(b.resolve(stage + ".safetensors")).tensors();
        return x.keySet().equals(y.keySet())
                && x.keySet().stream().allMatch(k -> Arrays.equals(x.get(k).values(), y.get(k).values()));
    }

    @Test
    void aNonFiniteLossStopsTheRunNamingTheStepTheTermAndTheLastCheckpoint() throws IOException {
        LocalServices s = new LocalServices();
        RunSpec spec = spec(s, "train.optimizer.lr=1e12", "train.epochs=2");
        RunFailedException e = assertThrows(RunFailedException.class, () -> s.runner.run(new RunRequest(spec, Optional.empty())));
        assertTrue(e.getMessage().startsWith("teacher stage 0, epoch "), e.getMessage());
        assertTrue(e.getMessage().contains("loss term 'ce' is") && e.getMessage().contains("Last good checkpoint")
                && e.getMessage().contains("lowering the learning rate"), e.getMessage());
        assertTrue(Files.exists(e.directory().resolve("config.yaml")), "what was written is kept");
    }

    @Test
    void anUnknownNameListsTheKnownOnesAndWritesNothing() throws IOException {
        LocalServices s = new LocalServices();
        RunSpec spec = spec(s, "strategy.name=kdd");
        var e = assertThrows(IllegalArgumentException.class, () -> s.runner.run(new RunRequest(spec, Optional.empty())));
        assertEquals("unknown strategy 'kdd' at config key 'strategy.name'; did you mean 'kd'?; known strategies: "
                + "baseline, kd", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("runs")));
    }
}
