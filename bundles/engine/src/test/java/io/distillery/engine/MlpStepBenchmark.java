package io.distillery.engine;

import java.util.concurrent.TimeUnit;

import io.distillery.api.nn.Module;
import io.distillery.api.nn.Optimizer;
import io.distillery.api.nn.OptimizerSpec;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Losses;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One training step of the {@code mlp} workload of the PyTorch reference benchmark (784-1200-1200-10 ReLU,
 * cross-entropy, SGD with momentum 0.9, synthetic data in memory) on the JVM backend. Throughput in steps per
 * second; multiply by the batch for samples per second.
 *
 * <p>Run: {@code mvn -B -o -pl bundles/engine test-compile exec:exec}
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MlpStepBenchmark {
    @Param({"64", "256"})
    int batch;

    private TestEngine e;
    private Module model;
    private Optimizer optimizer;
    private float[] x;
    private float[] y;

    @Setup
    public void setUp() {
        e = new TestEngine();
        SeededRandom random = new SeededRandom(1);
        model = e.layers.withRandom(random).sequential()
                .add("fc1", e.layers.linear(784, 1200, Activation.RELU))
                .add("fc2", e.layers.linear(1200, 1200, Activation.RELU))
                .add("out", e.layers.linear(1200, 10));
        optimizer = e.optimizers.create(OptimizerSpec.sgd(0.01).withMomentum(0.9), model.namedParameters());
        x = new float[batch * 784];
        y = new float[batch];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextInt(10);
        }
    }

    /** @return the loss, so that the step cannot be optimised away */
    @Benchmark
    public float step() {
        try (Scope s = e.tensors.scope()) {
            Tensor logits = model.forward(e.tensors.of(Shape.of(batch, 784), x));
            optimizer.zeroGrad();
            Tensor loss = Losses.crossEntropy(logits, e.tensors.of(Shape.of(batch), y));
            loss.backward();
            optimizer.step();
            return loss.item();
        }
    }

    @TearDown
    public void tearDown() {
        optimizer.close();
    }
}
