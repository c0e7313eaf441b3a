package io.distillery.backend.nd4j;

import io.distillery.api.backend.Buffer;
import io.distillery.api.backend.Gemm;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH benchmark of the ND4J backend's square gemm through the SPI, reported in GFLOP/s (the {@code gflops}
 * counter); compare with the machine's peak (about 187 GFLOP/s on the 2-core CI machine).
 *
 * <p>Run it from the repository root with {@code mvn -B -o -pl bundles/backend-nd4j test-compile exec:exec};
 * pick sizes, thread counts or JMH settings with
 * {@code -Djmh.args="-f 1 -wi 3 -i 5 -p size=1024 -p threads=2 Nd4jGemmBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Nd4jGemmBenchmark {
    /** The matrices' side: {@code C = A B} with all three {@code size x size}. */
    @Param({"256", "1024", "2048"})
    public int size;

    /** The backend's BLAS thread count. */
    @Param({"1", "2"})
    public int threads;

    private Nd4jBackend backend;
    private Gemm gemm;
    private Buffer[] matrices;

    /** Counts the floating-point work done, which JMH reports as a rate: GFLOP/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flops {
        /** Billions of floating-point operations done in this iteration. */
        public double gflops;

        /** Starts each iteration's count from zero. */
        @Setup(Level.Iteration)
        public void reset() {
            gflops = 0;
        }
    }

    /** Creates the backend and random square matrices in native memory. */
    @Setup(Level.Trial)
    public void setUp() {
        backend = new Nd4jBackend(threads);
        gemm = Gemm.of(false, false, size, size, size, 1, 0);
        SplittableRandom random = new SplittableRandom(size);
        float[] values = new float[size * size];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        matrices = new Buffer[3];
        for (int i = 0; i < matrices.length; i++) {
            matrices[i] = backend.allocate(values.length);
            backend.upload(values, 0, matrices[i], 0, values.length);
        }
    }

    /** Releases the matrices' native memory. */
    @TearDown(Level.Trial)
    public void tearDown() {
        for (Buffer m : matrices) {
            backend.free(m);
        }
    }

    /**
     * One product.
     *
     * @param flops the work counter
     */
    @Benchmark
    public void multiply(Flops flops) {
        backend.gemm(gemm, matrices[0], matrices[1], matrices[2]);
        flops.gflops += gemm.flops() / 1e9;
    }
}
