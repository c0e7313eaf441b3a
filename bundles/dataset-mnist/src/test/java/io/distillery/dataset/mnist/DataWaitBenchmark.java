package io.distillery.dataset.mnist;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.distillery.api.data.Batch;
import io.distillery.api.data.Dataset;
import io.distillery.api.data.Loader;
import io.distillery.api.data.LoaderOptions;
import io.distillery.api.data.Transform;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Module;
import io.distillery.api.nn.Optimizer;
import io.distillery.api.nn.OptimizerSpec;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Losses;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.Tensors;
import io.distillery.backend.jvm.JvmBackend;
import io.distillery.data.StandardPipeline;
import io.distillery.data.transform.HorizontalFlipProvider;
import io.distillery.data.transform.RandAugmentProvider;
import io.distillery.data.transform.TranslateProvider;
import io.distillery.engine.core.Engine;
import io.distillery.engine.core.EngineTensors;
import io.distillery.engine.nn.StandardLayers;
import io.distillery.engine.optim.StandardOptimizers;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * How long a training step waits for data: one SGD step of an MLP (784-1200-1200-10, the engine's benchmark
 * model) on batches of 128 embedded MNIST images served by the real pipeline, with and without transforms and
 * prefetching. JMH reports the step time; each iteration prints the loader's {@code waited()} per step, the
 * figure that matters.
 *
 * <p>Run: {@code mvn -B -o -pl bundles/dataset-mnist test-compile exec:exec}
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DataWaitBenchmark {
    private static final int BATCH = 128;

    /** {@code none}, {@code translate} (±2 pixels and a flip) or {@code rand-augment} (2 ops at magnitude 9). */
    @Param({"none", "translate", "rand-augment"})
    String transforms;

    /** Batches prepared ahead; 0 prepares them on the training thread. */
    @Param({"0", "2"})
    int prefetch;

    private Tensors tensors;
    private Module model;
    private Optimizer optimizer;
    private Loader loader;
    private Iterator<Batch> batches;
    private int epoch;
    private long steps;
    private long waitedAtStart;

    @Setup
    public void setUp() throws IOException {
        Engine engine = new Engine(new JvmBackend(Runtime.getRuntime().availableProcessors()));
        tensors = EngineTensors.on(engine);
        Layers layers = StandardLayers.on(engine).withRandom(new SeededRandom(1));
        model = layers.sequential()
                .add("flat", layers.flatten())
                .add("fc1", layers.linear(784, 1200, Activation.RELU))
                .add("fc2", layers.linear(1200, 1200, Activation.RELU))
                .add("out", layers.linear(1200, 10));
        optimizer = new StandardOptimizers().create(OptimizerSpec.sgd(0.01).withMomentum(0.9), model.namedParameters());
        Dataset train = new MnistProvider().open(null, null).train();
        loader = new StandardPipeline(tensors).loader(train,
                new LoaderOptions(BATCH, true, false, transforms(transforms), 1, prefetch));
        batches = loader.epoch(epoch);
    }

    private static List<Transform> transforms(String name) {
        return switch (name) {
            case "none" -> List.of();
            case "translate" -> List.of(new TranslateProvider().create(Map.of("pixels", 2)),
                    new HorizontalFlipProvider().create(Map.of()));
            case "rand-augment" -> List.of(new RandAugmentProvider().create(Map.of()));
            default -> throw new IllegalArgumentException("unknown transforms " + name);
        };
    }

    @Setup(Level.Iteration)
    public void startCounting() {
        steps = 0;
        waitedAtStart = loader.waited().toNanos();
    }

    /** @return the loss, so that the step cannot be optimised away */
    @Benchmark
    public float step() {
        if (!batches.hasNext()) {
            batches = loader.epoch(++epoch);
        }
        steps++;
        try (Scope step = tensors.scope()) {
            Batch batch = batches.next();
            optimizer.zeroGrad();
            Tensor loss = Losses.crossEntropy(model.forward(batch.inputs()), batch.labels());
            loss.backward();
            optimizer.step();
            return loss.item();
        }
    }

    @TearDown(Level.Iteration)
    public void report() {
        double waited = (loader.waited().toNanos() - waitedAtStart) / 1e6;
        System.out.printf("  [transforms=%s prefetch=%d] waited for data %.3f ms per step over %d steps%n", transforms,
                prefetch, waited / Math.max(1, steps), steps);
    }

    @TearDown
    public void tearDown() {
        loader.close();
        optimizer.close();
    }
}
