package io.distillery.cli;

import io.distillery.api.run.BenchmarkRequest;
import io.distillery.api.run.Benchmarks;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code distill bench}: training throughput with the workloads of the PyTorch reference benchmark
 * ({@code ../shared/bench/throughput_torch.py}), and gemm speed, on the backend the engine uses. The defaults are
 * that script's, and so is the output, so that both can be run in one sitting and compared line by line.
 */
@Command(name = "bench", description = {
    "Measures training throughput (samples/s) with the PyTorch reference benchmark's workloads, or gemm speed, on "
            + "the backend the engine uses (see --backend). Prints a table and one 'JSON {...}' line per "
            + "configuration, as the reference script does.",
    "Each configuration waits for an idle machine and is measured again while other processes disturb it."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--workloads", split = ",", paramLabel = "NAME", defaultValue = "mlp,kd,lenet,conv32",
            description = "Workloads: mlp, kd, lenet, conv32 (training) and gemm (n x n products). "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> workloads;

    @Option(names = "--batches", split = ",", paramLabel = "N", defaultValue = "64,256",
            description = "Batch sizes of the training workloads. Default: ${DEFAULT-VALUE}.")
    List<Integer> batches;

    @Option(names = "--threads", split = ",", paramLabel = "N", defaultValue = "1,2",
            description = "The backend's thread counts. Default: ${DEFAULT-VALUE}.")
    List<Integer> threads;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
            description = "Timed window per configuration. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "1",
            description = "Warm-up before each window. Default: ${DEFAULT-VALUE}.")
    double warmup;

    @Option(names = "--gemm-sizes", split = ",", paramLabel = "N", defaultValue = "256,1024,2048",
            description = "Matrix sizes of the gemm workload. Default: ${DEFAULT-VALUE}.")
    List<Integer> gemmSizes;

    private final Services services;

    /** @param services where the benchmark service is found */
    BenchCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        Benchmarks benchmarks = services.benchmarks();
        List<String> known = benchmarks.workloads();
        for (String workload : workloads) {
            if (!known.contains(workload)) {
                throw new ParameterException(spec.commandLine(), "unknown workload '" + workload + "' (known: "
                        + String.join(", ", known) + ")");
            }
        }
        BenchmarkRequest request = request();
        PrintWriter out = spec.commandLine().getOut();
        out.println(spec.root().version()[0] + ", java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " CPU(s)");
        out.println("loadavg at start: " + loadAverage());
        benchmarks.run(request, new BenchTable(out, seconds)::add);
        out.println();
        out.println("loadavg at end: " + loadAverage());
        return 0;
    }

    private BenchmarkRequest request() {
        try {
            return new BenchmarkRequest(workloads, batches, threads, gemmSizes, seconds, warmup);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The load average tells how busy the machine was around the run, as the reference script prints it. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", List.of(fields).subList(0, 3));
        } catch (IOException | IndexOutOfBoundsException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
