package io.distillery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distillery.api.run.EpochEvent;
import io.distillery.api.run.Experiments;
import io.distillery.api.run.Metrics;
import io.distillery.api.run.RunFailedException;
import io.distillery.api.run.RunInfo;
import io.distillery.api.run.RunRequest;
import io.distillery.api.run.RunSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code distill run}: what reaches the orchestrator, what the user sees, and the exit code of each outcome. */
class RunCommandTest {
    private static final RunSpec SPEC = new RunSpec(Map.of("name", "tiny"));
    private static final Path RUN_DIR = Path.of("runs", "tiny-1");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final FakeExperiments experiments = new FakeExperiments();
    private final FakeServices services = new FakeServices(new FakeBackends(), null, experiments, new ArrayList<>());

    private int run(String... args) {
        return new Cli(category -> List.of(), "1.2.3", () -> {}, services)
                .execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void aFinishedRunPrintsItsTableAndWhereItWroteAndStopsListening() {
        assertEquals(0, run("run", "exp.yaml", "--set", "train.epochs=2", "--set", "seed=3"), err::toString);
        assertEquals(List.of(Path.of("exp.yaml")), experiments.configured);
        assertEquals(List.of(List.of("train.epochs=2", "seed=3")), experiments.overrides);
        assertEquals(List.of(new RunRequest(SPEC, Optional.empty())), experiments.requests);
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("teacher 1/1 on jvm: "), lines.get(0));
        assertTrue(lines.get(1).startsWith("model "), lines.get(1));
        assertTrue(lines.get(2).matches("teacher\\s+12\\s+99\\.88 %\\s+1\\.20 M .*"), lines.get(2));
        assertTrue(lines.get(3).startsWith("baseline student "), lines.get(3));
        assertTrue(lines.get(4).startsWith("distilled student "), lines.get(4));
        assertEquals("run directory: " + RUN_DIR, lines.get(5));
        assertEquals("report: " + RUN_DIR.resolve("report.html"), lines.get(6));
        assertTrue(services.listeners().isEmpty(), "the progress display is still registered");
    }

    @Test
    void resumeReadsTheConfigTheRunStored() {
        assertEquals(0, run("run", "--resume", RUN_DIR.toString()), err::toString);
        assertEquals(List.of(RUN_DIR.resolve("config.yaml")), experiments.configured);
        assertEquals(List.of(new RunRequest(SPEC, Optional.of(RUN_DIR))), experiments.requests);
    }

    @Test
    void aConfigOrResumeIsRequiredAndSettingsCannotChangeAResumedRun() {
        assertEquals(2, run("run"));
        assertEquals(2, run("run", "exp.yaml", "--resume", "runs/x"));
        assertEquals(2, run("run", "--resume", "runs/x", "--set", "seed=2"));
        assertTrue(err.toString().contains("--set cannot change it"), err::toString);
        assertTrue(experiments.requests.isEmpty());
    }

    @Test
    void aBadSettingIsUsageErrorWithItsMessageAlone() {
        experiments.badConfig = "exp.yaml: unknown config key 'train.epoch'; did you mean 'epochs'?";
        assertEquals(2, run("run", "exp.yaml"));
        assertEquals("distill run: " + experiments.badConfig, err.toString().strip());
        assertTrue(experiments.requests.isEmpty());
    }

    @Test
    void anUnknownOptionStillGetsPicocliSuggestionsOrUsage() {
        assertEquals(2, run("run", "exp.yaml", "--sett", "seed=2"));
        assertTrue(err.toString().startsWith("Unknown options: '--sett'"), err::toString);
        assertTrue(err.toString().contains("--set"), err::toString);
        assertEquals(2, run("run", "exp.yaml", "--nothing-like-it"));
        assertTrue(err.toString().contains("Usage: distill run"), err::toString);
    }

    @Test
    void aFailedRunExitsOneWithTheOrchestratorsMessage() {
        experiments.failure = "non-finite loss at step 7 of student 2/8 (term kd); last good checkpoint: x";
        assertEquals(1, run("run", "exp.yaml"));
        assertEquals("distill run: " + experiments.failure, err.toString().strip());
        assertFalse(out.toString().contains("run directory"), out::toString);
        assertTrue(services.listeners().isEmpty());
    }

    /** Records what it is asked, reports one epoch to the listeners, and fails when told to. */
    private final class FakeExperiments implements Experiments {
        final List<Path> configured = new ArrayList<>();
        final List<List<String>> overrides = new ArrayList<>();
        final List<RunRequest> requests = new ArrayList<>();
        String badConfig;
        String failure;

        @Override
        public RunSpec configure(Path config, List<String> settings) {
            if (badConfig != null) {
                throw new IllegalArgumentException(badConfig);
            }
            configured.add(config);
            overrides.add(List.copyOf(settings));
            return SPEC;
        }

        @Override
        public Result run(RunRequest request) {
            requests.add(request);
            services.listeners().forEach(l -> l.epochFinished(new EpochEvent("tiny-1", "teacher", 0, 1, "jvm",
                    Metrics.empty().with("loss", 0.5).with("test_accuracy", 0.9))));
            if (failure != null) {
                throw new RunFailedException(failure, RUN_DIR, null);
            }
            Map<String, Metrics> summary = new LinkedHashMap<>();
            summary.put("teacher", row(12, 1.2e6));
            summary.put("baseline", row(150, 6.4e5));
            summary.put("student", row(90, 6.4e5));
            return new Result(new RunInfo("tiny-1", RUN_DIR, SPEC), summary);
        }

        private static Metrics row(int errors, double params) {
            return Metrics.empty().with("test_errors", errors).with("test_accuracy", 1 - errors / 10_000.0)
                    .with("params", params).with("macs", params).with("bytes", 4 * params).with("latency_ms", 0.5);
        }
    }
}
