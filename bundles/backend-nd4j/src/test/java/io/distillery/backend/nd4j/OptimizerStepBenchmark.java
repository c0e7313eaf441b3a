package io.distillery.backend.nd4j;

import io.distillery.api.backend.Buffer;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The JMH benchmark of the nd4j backend's fused optimizer steps on the {@code mlp} workload's largest weight
 * (1200 x 1200), in microseconds per step.
 *
 * <p>Run it from the repository root with
 * {@code mvn -B -o -pl bundles/backend-nd4j test-compile exec:exec}; pick rules, thread counts or JMH settings
 * with {@code -Djmh.args="-f 1 -wi 3 -i 5 -p rule=adam -p threads=2 OptimizerStepBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OptimizerStepBenchmark {
    private static final int LENGTH = 1200 * 1200;

    /** The update rule: SGD with momentum, with Nesterov's look-ahead, or Adam. */
    @Param({"sgd", "nesterov", "adam"})
    public String rule;

    /** The backend's thread count. */
    @Param({"1", "2"})
    public int threads;

    private Nd4jBackend backend;
    private Buffer param;
    private Buffer grad;
    private Buffer first;
    private Buffer second;
    private long step;

    /** Allocates the weight, a random gradient and the optimizer's state. */
    @Setup
    public void setUp() {
        backend = new Nd4jBackend(threads);
        SplittableRandom random = new SplittableRandom(1);
        float[] values = new float[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            values[i] = (float) random.nextGaussian() * 1e-2f;
        }
        param = backend.allocate(LENGTH);
        grad = backend.allocate(LENGTH);
        first = backend.allocate(LENGTH);
        second = backend.allocate(LENGTH);
        backend.upload(values, 0, param, 0, LENGTH);
        backend.upload(values, 0, grad, 0, LENGTH);
    }

    /** Releases the buffers and ends the backend's workers. */
    @TearDown
    public void tearDown() {
        for (Buffer b : new Buffer[] {param, grad, first, second}) {
            backend.free(b);
        }
        backend.deactivate();
    }

    /** One optimizer step over the whole weight. */
    @Benchmark
    public void update() {
        step++;
        switch (rule) {
            case "sgd" -> backend.sgdUpdate(param, grad, first, LENGTH, 1e-3f, 0.9f, 0f, false);
            case "nesterov" -> backend.sgdUpdate(param, grad, first, LENGTH, 1e-3f, 0.9f, 0f, true);
            case "adam" -> backend.adamUpdate(param, grad, first, second, LENGTH, 1e-3f, 0.9f, 0.999f, 1e-8f, 0f,
                    false, step);
            default -> throw new IllegalArgumentException("unknown rule " + rule);
        }
    }
}
