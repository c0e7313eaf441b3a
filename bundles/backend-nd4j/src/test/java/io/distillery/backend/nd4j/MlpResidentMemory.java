package io.distillery.backend.nd4j;

import io.distillery.api.backend.Backend;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Optimizer;
import io.distillery.api.nn.OptimizerSpec;
import io.distillery.api.nn.Sequential;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Losses;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.Tensors;
import io.distillery.engine.core.Engine;
import io.distillery.engine.core.EngineTensors;
import io.distillery.engine.nn.StandardLayers;
import io.distillery.engine.optim.StandardOptimizers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The resident memory of the process while an MLP trains through the engine on the ND4J backend: the documented
 * measurement that native memory does not grow with the number of steps.
 *
 * <p>{@link Nd4jResidentMemoryTest} runs a small MLP for 10,000 steps. The full-size {@code mlp} workload
 * (784-1200-1200-10, batch 64, SGD with momentum) runs from {@link #main}, on the test class path:
 * <pre>{@code
 * cd bundles/backend-nd4j
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
 *     io.distillery.backend.nd4j.MlpResidentMemory 10000
 * }</pre>
 * It prints the resident set size every 1,000 steps. A fixed, pre-touched heap keeps the Java heap out of the
 * figures: otherwise the resident set grows for thousands of steps as the heap touches its pages for the first
 * time, which looks like a native leak and is not one.
 */
final class MlpResidentMemory {
    private MlpResidentMemory() {
    }

    /**
     * Trains an MLP and samples the resident set size.
     *
     * @param backend the backend to train on
     * @param sizes the layer widths, input first
     * @param batch examples per step
     * @param steps the number of steps
     * @param every the steps between two samples
     * @return the resident set size in bytes after each {@code every} steps
     */
    static long[] train(Backend backend, int[] sizes, int batch, int steps, int every) {
        Engine engine = new Engine(backend);
        Tensors tensors = EngineTensors.on(engine);
        SeededRandom random = new SeededRandom(3);
        Layers layers = StandardLayers.on(engine).withRandom(random);
        Sequential mlp = layers.sequential();
        for (int l = 1; l < sizes.length; l++) {
            mlp.add("fc" + l, l + 1 < sizes.length ? layers.linear(sizes[l - 1], sizes[l], Activation.RELU)
                    : layers.linear(sizes[l - 1], sizes[l]));
        }
        float[] x = new float[batch * sizes[0]];
        float[] y = new float[batch];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextInt(sizes[sizes.length - 1]);
        }
        long[] rss = new long[steps / every];
        try (Optimizer optimizer = new StandardOptimizers().create(OptimizerSpec.sgd(0.01).withMomentum(0.9),
                mlp.namedParameters())) {
            for (int step = 1; step <= steps; step++) {
                try (Scope s = tensors.scope()) {
                    optimizer.zeroGrad();
                    Tensor loss = Losses.crossEntropy(mlp.forward(tensors.of(Shape.of(batch, sizes[0]), x)),
                            tensors.of(Shape.of(batch), y));
                    loss.backward();
                    optimizer.step();
                }
                if (step % every == 0) {
                    rss[step / every - 1] = residentBytes();
                }
            }
        }
        return rss;
    }

    /** @return this process's resident set size, from {@code /proc/self/status} */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS line in /proc/self/status");
    }

    /**
     * Trains the {@code mlp} workload and prints the resident set size every 1,000 steps.
     *
     * @param args the number of steps, 10,000 if none
     */
    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long[] rss = train(new Nd4jBackend(2), new int[] {784, 1200, 1200, 10}, 64, steps, 1000);
        for (int i = 0; i < rss.length; i++) {
            System.out.printf("step %6d: resident %7.1f MB%n", (i + 1) * 1000, rss[i] / 1e6);
        }
    }
}
