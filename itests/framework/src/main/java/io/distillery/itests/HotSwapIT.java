package io.distillery.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distillery.api.backend.Backends;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Module;
import io.distillery.api.nn.Optimizer;
import io.distillery.api.nn.OptimizerSpec;
import io.distillery.api.nn.Optimizers;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Losses;
import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;
import io.distillery.api.tensor.Tensors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * A training run follows the nd4j backend as its bundle starts and stops, moving at step boundaries and losing or
 * repeating no step: its losses match those of a run on jvm alone. Pinning a backend moves the next step likewise.
 */
class HotSwapIT {
    private static final String ND4J_BUNDLE = "io.distillery.backend.nd4j";
    /** SCR registers and unregisters the backend while the bundle starts or stops; this only bounds the wait. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final int STEPS = 60;
    /** The nd4j bundle starts after this many steps, and stops after {@link #ND4J_STOPS}. */
    private static final int ND4J_STARTS = 20;
    private static final int ND4J_STOPS = 40;
    /**
     * The largest relative difference allowed between a swapped and an unswapped run's losses: nd4j's OpenBLAS
     * products round differently from jvm's loops, and momentum carries the difference on. Measured here: at
     * most 1.1e-7 (absolute 1.2e-7, one float ulp near 1), while consecutive steps' losses differ by 3e-4 or more,
     * so 1e-4 keeps clear of rounding noise and still notices a step lost or repeated.
     */
    private static final double TOLERANCE = 1e-4;

    private static final long SEED = 7;
    private static final OptimizerSpec SGD = OptimizerSpec.sgd(0.05).withMomentum(0.9);
    private static final int FEATURES = 64;
    private static final int CLASSES = 4;
    private static final List<Batch> BATCHES = batches(4, 32);

    @InjectBundleContext
    BundleContext context;

    @InjectService
    Tensors tensors;

    @InjectService
    Layers layers;

    @InjectService
    Optimizers optimizers;

    @InjectService
    Backends backends;

    /** What a run leaves to check: each step's loss, the backend each step ran on, and the updates made. */
    private record Run(List<Float> losses, List<String> backends, long updates) {}

    /** Inputs {@code [batch, FEATURES]} and class labels {@code [batch]}, made once on the host. */
    private record Batch(TensorData inputs, TensorData labels) {}

    /** Work between two steps, such as starting a bundle. */
    @FunctionalInterface
    private interface BeforeStep {
        void run(int step) throws Exception;
    }

    @Test
    void aRunMovesToNd4jWhenItsBundleStartsAndBackToJvmWhenItStopsMatchingARunOnJvmAlone() throws Exception {
        Bundle nd4j = nd4jBundle();
        try {
            stop(nd4j);
            assertEquals(Optional.of("jvm"), backends.current());
            Run alone = train(STEPS, step -> {});

            Run swapped = train(STEPS, step -> {
                if (step == ND4J_STARTS) {
                    start(nd4j);
                    assertEquals(Optional.of("jvm"), backends.current(), "moved before a step boundary");
                } else if (step == ND4J_STOPS) {
                    // A backend that stops is left at once, not at the next step.
                    stop(nd4j);
                    assertEquals(Optional.of("jvm"), backends.current());
                }
            });

            List<String> expected = new ArrayList<>();
            expected.addAll(Collections.nCopies(ND4J_STARTS, "jvm"));
            expected.addAll(Collections.nCopies(ND4J_STOPS - ND4J_STARTS, "nd4j"));
            expected.addAll(Collections.nCopies(STEPS - ND4J_STOPS, "jvm"));
            assertEquals(expected, swapped.backends(), "the backend of each step");
            assertEquals(STEPS, swapped.updates(), "updates made: a step was lost or repeated");

            assertEquals(alone.losses().subList(0, ND4J_STARTS), swapped.losses().subList(0, ND4J_STARTS),
                    "the same backend and seed give the same bits");
            for (int step = ND4J_STARTS; step < STEPS; step++) {
                float plain = alone.losses().get(step);
                float moved = swapped.losses().get(step);
                assertTrue(Math.abs(moved - plain) <= TOLERANCE * Math.abs(plain),
                        "step " + step + ": loss " + moved + " after moving, " + plain + " on jvm alone");
            }
            // The run learned something, so equal losses mean equal training and not a flat curve.
            assertTrue(alone.losses().get(STEPS - 1) < alone.losses().get(0) / 2, alone.losses()::toString);
        } finally {
            nd4j.start();
        }
    }

    @Test
    void pinningJvmMovesTheNextStepOffNd4jAndFollowingTheRankingsMovesItBack() throws Exception {
        Bundle nd4j = nd4jBundle();
        start(nd4j); // normally running already: the distribution starts it
        try {
            Run run = train(6, step -> {
                if (step == 2) {
                    backends.use("jvm");
                    assertEquals(Optional.of("nd4j"), backends.current(), "moved before a step boundary");
                } else if (step == 4) {
                    backends.use(null);
                }
            });
            assertEquals(List.of("nd4j", "nd4j", "jvm", "jvm", "nd4j", "nd4j"), run.backends());
            assertEquals(6, run.updates());
        } finally {
            backends.use(null);
        }
    }

    /**
     * Trains a 64-32-4 MLP from a fixed seed with SGD and momentum, one step per scope over the fixed batches in
     * turn, releasing its parameters afterwards.
     */
    @SuppressWarnings("try") // the step's scope owns every tensor made in it and is never named
    private Run train(int steps, BeforeStep beforeStep) throws Exception {
        Layers seeded = layers.withRandom(new SeededRandom(SEED));
        Module model = seeded.sequential()
                .add("hidden", seeded.linear(FEATURES, 32, Activation.RELU))
                .add("out", seeded.linear(32, CLASSES));
        List<Float> losses = new ArrayList<>();
        List<String> used = new ArrayList<>();
        try (Optimizer optimizer = optimizers.create(SGD, model.namedParameters())) {
            for (int step = 0; step < steps; step++) {
                beforeStep.run(step);
                try (Scope scope = tensors.scope()) {
                    // Asked inside the step: a pending move has happened when its scope opened.
                    used.add(backends.current().orElse("none"));
                    Batch batch = BATCHES.get(step % BATCHES.size());
                    optimizer.zeroGrad();
                    Tensor loss = Losses.crossEntropy(model.forward(tensors.of(batch.inputs())),
                            tensors.of(batch.labels()));
                    loss.backward();
                    optimizer.step();
                    losses.add(loss.item());
                }
            }
            return new Run(losses, used, optimizer.steps());
        } finally {
            model.namedParameters().values().forEach(Parameter::release);
        }
    }

    /** Uniform inputs labelled by which of their first {@link #CLASSES} features is largest: learnable, fixed. */
    private static List<Batch> batches(int count, int size) {
        SeededRandom random = new SeededRandom(SEED + 1);
        List<Batch> batches = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            float[] inputs = new float[size * FEATURES];
            float[] labels = new float[size];
            for (int i = 0; i < size; i++) {
                for (int f = 0; f < FEATURES; f++) {
                    inputs[i * FEATURES + f] = random.nextFloat();
                }
                for (int c = 1; c < CLASSES; c++) {
                    if (inputs[i * FEATURES + c] > inputs[i * FEATURES + (int) labels[i]]) {
                        labels[i] = c;
                    }
                }
            }
            batches.add(new Batch(new TensorData(Shape.of(size, FEATURES), inputs),
                    new TensorData(Shape.of(size), labels)));
        }
        return List.copyOf(batches);
    }

    private Bundle nd4jBundle() {
        return Arrays.stream(context.getBundles())
                .filter(b -> ND4J_BUNDLE.equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(ND4J_BUNDLE + " is not installed"));
    }

    private void start(Bundle nd4j) throws Exception {
        nd4j.start();
        Poll.until(TIMEOUT, "the nd4j backend to be registered", () -> backends.available().contains("nd4j"));
    }

    private void stop(Bundle nd4j) throws Exception {
        nd4j.stop();
        Poll.until(TIMEOUT, "the nd4j backend to go away", () -> !backends.available().contains("nd4j"));
    }
}
