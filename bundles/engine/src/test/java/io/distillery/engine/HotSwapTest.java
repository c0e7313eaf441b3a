package io.distillery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.distillery.api.nn.Module;
import io.distillery.api.nn.Optimizer;
import io.distillery.api.nn.OptimizerSpec;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Losses;
import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;
import io.distillery.engine.core.Engine;
import io.distillery.engine.core.EngineTensors;
import io.distillery.engine.nn.StandardLayers;
import io.distillery.engine.optim.StandardOptimizers;

import org.junit.jupiter.api.Test;

/** Moving parameters and optimizer state between backends during training, and running out of backends. */
class HotSwapTest {
    private final CountingBackend a = new CountingBackend(TestEngine.backend(), "a");
    private final CountingBackend b = new CountingBackend(TestEngine.backend(), "b");

    /** Trains 30 steps; before step {@code i}, {@code events[i]} (if any) runs. Returns the losses. */
    private static List<Float> train(Engine engine, Runnable[] events) {
        EngineTensors tensors = EngineTensors.on(engine);
        SeededRandom random = new SeededRandom(5);
        StandardLayers layers = StandardLayers.on(engine);
        Module model = layers.withRandom(random).sequential()
                .add("hidden", layers.linear(12, 16, Activation.RELU))
                .add("out", layers.linear(16, 3));
        List<Float> losses = new ArrayList<>();
        try (Optimizer opt = new StandardOptimizers().create(OptimizerSpec.adam(0.01), model.namedParameters())) {
            for (int step = 0; step < events.length; step++) {
                if (events[step] != null) {
                    events[step].run();
                }
                try (Scope s = tensors.scope()) {
                    Tensor x = tensors.randn(Shape.of(8, 12), random);
                    Tensor y = tensors.of(Shape.of(8), 0, 1, 2, 0, 1, 2, 0, 1);
                    opt.zeroGrad();
                    Tensor loss = Losses.crossEntropy(model.forward(x), y);
                    loss.backward();
                    opt.step();
                    losses.add(loss.item());
                }
            }
        }
        return losses;
    }

    @Test
    void trainingMovesToAHigherRankedBackendAndBackWithoutLosingOrRepeatingASteps() {
        List<Float> plain = train(new Engine(a), new Runnable[30]);

        Engine engine = new Engine(a);
        Runnable[] events = new Runnable[30];
        long[] gemmsOnB = new long[2];
        events[10] = () -> engine.addBackend(b, "b", 10);
        events[11] = () -> {
            assertEquals(Optional.of("b"), engine.currentBackend());
            gemmsOnB[0] = b.gemms.get();
        };
        events[20] = () -> {
            gemmsOnB[1] = b.gemms.get();
            engine.removeBackend(b);
            assertEquals(Optional.of("a"), engine.currentBackend());
        };
        assertEquals(plain, train(engine, events), "the same losses, step for step");
        assertTrue(gemmsOnB[1] > gemmsOnB[0], "steps 11 to 19 ran on b");
        assertEquals(0, b.liveBuffers.get(), "b was left with nothing allocated");
    }

    @Test
    void pinningMovesAtTheNextStep() {
        Engine engine = new Engine(a);
        engine.addBackend(b, "b", 5);
        EngineTensors tensors = EngineTensors.on(engine);
        try (Scope s = tensors.scope()) {
            assertEquals(Optional.of("b"), engine.currentBackend());
            engine.use("a");
            assertEquals(Optional.of("b"), engine.currentBackend(), "not in the middle of a step");
        }
        try (Scope s = tensors.scope()) {
            assertEquals(Optional.of("a"), engine.currentBackend());
        }
        assertEquals(List.of("a", "b"), engine.availableBackends());
        var ex = assertThrows(IllegalArgumentException.class, () -> engine.use("nd4j"));
        assertTrue(ex.getMessage().contains("nd4j") && ex.getMessage().contains("[a, b]"), ex.getMessage());
        engine.use(null);
        try (Scope s = tensors.scope()) {
            assertEquals(Optional.of("b"), engine.currentBackend());
        }
    }

    @Test
    void withNoBackendLeftStepsWaitForOneAndFindTheirStateIntact() throws Exception {
        Engine engine = new Engine(a);
        EngineTensors tensors = EngineTensors.on(engine);
        Parameter p = tensors.parameter(new TensorData(Shape.of(3), new float[] {1, 2, 3}), true);
        engine.removeBackend(a);
        assertEquals(Optional.empty(), engine.currentBackend());
        assertEquals(0, a.liveBuffers.get(), "everything left a");
        CompletableFuture<float[]> step = CompletableFuture.supplyAsync(() -> {
            try (Scope s = tensors.scope()) {
                return p.mul(2).toArray();
            }
        });
        Thread.sleep(200);
        assertTrue(!step.isDone(), "the step waits");
        engine.addBackend(b, "b", 0);
        assertEquals(List.of(2f, 4f, 6f), boxed(step.get(10, TimeUnit.SECONDS)));
    }

    @Test
    void withNoBackendLeftStepsFailCleanlyAfterTheTimeout() {
        Engine engine = new Engine(a);
        engine.setBackendWait(Duration.ofMillis(100));
        EngineTensors tensors = EngineTensors.on(engine);
        Parameter p = tensors.parameter(new TensorData(Shape.of(2), new float[] {7, 8}), true);
        engine.removeBackend(a);
        var ex = assertThrows(IllegalStateException.class, tensors::scope);
        assertTrue(ex.getMessage().contains("no backend became available"), ex.getMessage());
        engine.addBackend(b, "b", 0);
        assertEquals(new TensorData(Shape.of(2), new float[] {7, 8}), p.data());
    }

    private static List<Float> boxed(float[] v) {
        List<Float> out = new ArrayList<>();
        for (float f : v) {
            out.add(f);
        }
        return out;
    }
}
