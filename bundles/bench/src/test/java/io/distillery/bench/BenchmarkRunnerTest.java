package io.distillery.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distillery.api.backend.Backend;
import io.distillery.api.run.BenchmarkRequest;
import io.distillery.api.run.BenchmarkResult;
import io.distillery.backend.jvm.JvmBackend;
import io.distillery.engine.core.Engine;
import io.distillery.engine.core.EngineTensors;
import io.distillery.engine.nn.StandardLayers;
import io.distillery.engine.optim.StandardOptimizers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A whole run on a real engine over the JVM backend, timed by clocks the test drives (every reading a
 * millisecond later), with a thread control that records what it is asked.
 */
class BenchmarkRunnerTest {
    private static final JvmBackend JVM = new JvmBackend(2);
    private static final JvmBackend OTHER = new JvmBackend(1);
    private static final List<String> TRAINING_KEYS = List.of("bench", "model", "batch", "threads", "steps",
            "samples_per_s", "samples_per_s_median", "ms_per_step_median", "gflops", "flops_per_sample", "own_cpu",
            "foreign_cpu", "attempt", "disturbed", "backend");
    private static final List<String> GEMM_KEYS = List.of("bench", "lib", "n", "threads", "reps", "gflops_median",
            "gflops_best", "ms_median", "own_cpu", "foreign_cpu", "attempt", "disturbed");

    private final Engine engine = new Engine(JVM);
    private final EngineTensors tensors = EngineTensors.on(engine);
    private final Kit kit = new Kit(tensors, StandardLayers.on(engine), new StandardOptimizers());
    private final List<String> calls = new ArrayList<>();
    private final List<BenchmarkResult> results = new ArrayList<>();

    private final ThreadControl recording = new ThreadControl() {
        @Override
        public void set(String backend, int threads) {
            calls.add("set " + backend + " " + threads);
        }

        @Override
        public void close() {
            calls.add("restore");
        }
    };

    @AfterAll
    static void stopBackends() {
        JVM.close();
        OTHER.close();
    }

    private static BenchmarkRequest request(List<String> workloads, List<Integer> threads) {
        return new BenchmarkRequest(workloads, List.of(2), threads, List.of(8, 16), 0.01, 0);
    }

    private void run(BenchmarkRequest request, ThreadControl threads) {
        Map<String, Backend> byName = Map.of("jvm", JVM, "other", OTHER);
        new BenchmarkRunner(kit, tensors, name -> Optional.ofNullable(byName.get(name)), threads, new FakeClocks(0.001),
                new Disturbance(-1, 4, 60)).run(request, results::add);
    }

    @Test
    void trainingResultsHaveTheScriptsKeysInItsOrder() {
        run(request(List.of("mlp"), List.of(1, 2)), recording);
        assertEquals(2, results.size());
        for (int i = 0; i < 2; i++) {
            Map<String, Object> f = results.get(i).fields();
            assertEquals(TRAINING_KEYS, List.copyOf(f.keySet()));
            assertEquals(List.of("train", "mlp", 2, i + 1), List.of(f.get("bench"), f.get("model"), f.get("batch"),
                    f.get("threads")));
            assertTrue((Integer) f.get("steps") >= StepWindow.MIN_TIMED_STEPS, f::toString);
            assertEquals(14_356_800L, f.get("flops_per_sample"));
            assertEquals(2000.0, f.get("samples_per_s_median"), "2 samples per fake millisecond");
            assertEquals(1.0, f.get("ms_per_step_median"));
            assertEquals(List.of(1, false, "jvm"), List.of(f.get("attempt"), f.get("disturbed"), f.get("backend")));
        }
        assertEquals(List.of("set jvm 1", "set jvm 2", "restore"), calls);
    }

    @Test
    void gemmResultsHaveTheScriptsSgemmKeysWithTheBackendAsLib() {
        run(request(List.of("gemm"), List.of(1)), recording);
        assertEquals(2, results.size());
        for (int i = 0; i < 2; i++) {
            Map<String, Object> f = results.get(i).fields();
            assertEquals(GEMM_KEYS, List.copyOf(f.keySet()));
            assertEquals(List.of("sgemm", "jvm", 8 << i, 1, BenchmarkRunner.GEMM_REPETITIONS),
                    List.of(f.get("bench"), f.get("lib"), f.get("n"), f.get("threads"), f.get("reps")));
            double flops = 2.0 * Math.pow(8 << i, 3);
            assertEquals(Math.round(flops / 1e-3 / 1e9 * 10) / 10.0, f.get("gflops_median"), "one fake ms each");
        }
        assertEquals(List.of("set jvm 1", "set jvm 1", "restore"), calls);
    }

    @Test
    void anUnknownWorkloadNamesTheKnownOnesAndTouchesNothing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(request(List.of("mlp", "resnet"), List.of(1)), recording));
        assertEquals("unknown workload 'resnet' (known: mlp, kd, lenet, conv32, gemm)", e.getMessage());
        assertEquals(List.of(), results);
        assertEquals(List.of(), calls);
    }

    @Test
    void threadCountsAreRestoredWhenTheRunFails() {
        ThreadControl failing = new ThreadControl() {
            @Override
            public void set(String backend, int threads) {
                recording.set(backend, threads);
                if (threads == 2) {
                    throw new IllegalStateException("backend " + backend + " did not take up 2 threads");
                }
            }

            @Override
            public void close() {
                recording.close();
            }
        };
        assertThrows(IllegalStateException.class, () -> run(request(List.of("gemm"), List.of(1, 2)), failing));
        assertEquals(1, results.size());
        assertEquals(List.of("set jvm 1", "set jvm 2", "restore"), calls);
    }

    @Test
    void measuresOnThePinnedBackendRatherThanTheHighestRanked() {
        engine.addBackend(OTHER, "other", 10);
        run(request(List.of("kd"), List.of(1)), recording);
        tensors.use("jvm");
        run(request(List.of("kd", "gemm"), List.of(1)), recording);
        assertEquals(List.of("other", "jvm"), List.of(results.get(0).fields().get("backend"),
                results.get(1).fields().get("backend")));
        assertEquals("jvm", results.get(2).fields().get("lib"));
        assertEquals(List.of("set other 1", "restore", "set jvm 1", "set jvm 1", "set jvm 1", "restore"), calls);
    }
}
