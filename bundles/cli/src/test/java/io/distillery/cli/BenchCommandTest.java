package io.distillery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distillery.api.run.BenchmarkRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code distill bench}: its options become the request, and the results become the reference script's output. */
class BenchCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final FakeBackends backends = new FakeBackends();
    private final FakeBenchmarks benchmarks = new FakeBenchmarks(List.of(Results.training("mlp", false)));

    private int run(String... args) {
        return new Cli(category -> List.of(), "1.2.3", () -> {}, new FakeServices(backends, benchmarks))
                .execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void theDefaultsAreTheReferenceScripts() {
        assertEquals(0, run("bench"), err::toString);
        assertEquals(List.of(new BenchmarkRequest(List.of("mlp", "kd", "lenet", "conv32"), List.of(64, 256),
                List.of(1, 2), List.of(256, 1024, 2048), 5, 1)), benchmarks.requests);
    }

    @Test
    void everyOptionReachesTheRequest() {
        assertEquals(0, run("bench", "--workloads", "mlp,gemm", "--batches", "8", "--threads", "1,3", "--seconds",
                "0.2", "--warmup", "0", "--gemm-sizes", "64,128"), err::toString);
        assertEquals(List.of(new BenchmarkRequest(List.of("mlp", "gemm"), List.of(8), List.of(1, 3), List.of(64, 128),
                0.2, 0)), benchmarks.requests);
    }

    @Test
    void printsTheScriptsTableAndJsonLinesBetweenTheLoadAverages() {
        assertEquals(0, run("bench", "--seconds", "0.5"));
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("Distillery 1.2.3, java " + System.getProperty("java.version") + ", "),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("loadavg at start: "), lines.get(1));
        assertEquals(List.of("", "== training throughput (synthetic data, 0.5 s window per config)"),
                lines.subList(2, 4));
        assertTrue(lines.get(6).startsWith("JSON {\"bench\": \"train\", \"model\": \"mlp\", \"batch\": 64"),
                lines.get(6));
        assertEquals("", lines.get(7));
        assertTrue(lines.get(8).startsWith("loadavg at end: "), lines.get(8));
        assertEquals(9, lines.size(), out::toString);
    }

    @Test
    void theBackendOptionPinsBeforeTheRun() {
        assertEquals(0, run("bench", "--backend", "jvm", "--workloads", "gemm"));
        assertEquals("jvm", backends.pinned().orElseThrow());
        assertEquals(1, benchmarks.requests.size());
    }

    @Test
    void anUnknownWorkloadIsBadUsageNamingTheKnownOnes() {
        assertEquals(2, run("bench", "--workloads", "mlp,resnet"));
        assertTrue(err.toString().startsWith("unknown workload 'resnet' (known: mlp, kd, lenet, conv32, gemm)"),
                err::toString);
        assertEquals(List.of(), benchmarks.requests);
    }

    @Test
    void invalidSizesAndWindowsAreBadUsage() {
        assertEquals(2, run("bench", "--batches", "64,0"), err::toString);
        assertTrue(err.toString().startsWith("every batch size must be at least 1, got [64, 0]"), err::toString);
        err.getBuffer().setLength(0);
        assertEquals(2, run("bench", "--seconds", "0"), err::toString);
        assertTrue(err.toString().startsWith("the timed window must be positive"), err::toString);
        err.getBuffer().setLength(0);
        assertEquals(2, run("bench", "--threads", "two"));
        assertTrue(err.toString().contains("'two' is not an int"), err::toString);
        assertEquals(List.of(), benchmarks.requests);
    }

    @Test
    void withoutTheBenchmarkBundleTheRunFails() {
        int code = new Cli(category -> List.of(), "1.2.3", () -> {}, new FakeServices(backends, null))
                .execute(new String[] {"bench"}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(1, code);
        assertEquals("distill bench: no benchmark service: the bundle io.distillery.bench is not in this distribution",
                err.toString().strip());
    }
}
