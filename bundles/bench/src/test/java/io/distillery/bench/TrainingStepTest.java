package io.distillery.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Tensors;
import io.distillery.backend.jvm.JvmBackend;
import io.distillery.engine.core.Engine;
import io.distillery.engine.core.EngineTensors;
import io.distillery.engine.nn.StandardLayers;
import io.distillery.engine.optim.StandardOptimizers;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The four training workloads on a real engine over the JVM backend: their FLOPs, that they train, their memory. */
class TrainingStepTest {
    private static final JvmBackend BACKEND = new JvmBackend(2);

    /**
     * FLOPs per sample and step as the reference script counts them (2 per multiply-accumulate of the dense and
     * convolution layers, three forward passes for a trained net, one for the teacher), worked out by hand:
     * mlp 3 x 2(784*1200 + 1200*1200 + 1200*10); kd 2(784*1200 + 1200*1200 + 1200*10) + 3 x 2(784*800 + 800*800
     * + 800*10); lenet 3 x 2(6*24*24*25 + 16*8*8*150 + 256*120 + 120*84 + 84*10); conv32 3 x 2(32*32*32*27
     * + 64*16*16*288 + 128*8*8*576 + 2048*10).
     */
    private static final Map<TrainingWorkload, Long> FLOPS_PER_SAMPLE = Map.of(
            TrainingWorkload.MLP, 14_356_800L,
            TrainingWorkload.KD, 12_436_800L,
            TrainingWorkload.LENET, 1_689_840L,
            TrainingWorkload.CONV32, 62_054_400L);

    private final Engine engine = new Engine(BACKEND);
    private final Kit kit = new Kit(EngineTensors.on(engine), StandardLayers.on(engine), new StandardOptimizers());

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @ParameterizedTest
    @EnumSource(TrainingWorkload.class)
    void countsTheReferenceScriptsFlops(TrainingWorkload workload) {
        try (TrainingStep step = workload.prepare(kit, 3)) {
            assertEquals(3 * FLOPS_PER_SAMPLE.get(workload), step.flops());
        }
    }

    @ParameterizedTest
    @EnumSource(TrainingWorkload.class)
    void stepsLowerTheLossOnTheFixedBatch(TrainingWorkload workload) {
        try (TrainingStep step = workload.prepare(kit, 4)) {
            float first = step.run();
            float last = first;
            for (int i = 0; i < 20; i++) {
                last = step.run();
            }
            assertTrue(Float.isFinite(first) && last < first, workload + ": loss went from " + first + " to " + last);
        }
    }

    @ParameterizedTest
    @EnumSource(TrainingWorkload.class)
    void closingReleasesEveryParameterAndTheOptimizerState(TrainingWorkload workload) {
        long before = engine.memoryStats().persistentStorages();
        TrainingStep step = workload.prepare(kit, 2);
        step.run();
        assertTrue(engine.memoryStats().persistentStorages() > before);
        step.close();
        assertEquals(before, engine.memoryStats().persistentStorages());
        assertEquals(0, engine.memoryStats().scopedStorages());
    }

    @Test
    void theSameWorkloadTrainsTheSameWayEveryTime() {
        assertArrayEquals(losses(), losses());
    }

    private float[] losses() {
        try (TrainingStep step = TrainingWorkload.KD.prepare(kit, 4)) {
            return new float[] {step.run(), step.run(), step.run()};
        }
    }

    @Test
    void aTeacherRunAheadOnALentThreadTrainsAsOneRunInPlace() throws Exception {
        ExecutorService lent = Executors.newSingleThreadExecutor();
        try {
            Tensors inPlace = kit.tensors(); // the JVM backend lends no thread: each task runs at once
            Tensors lending = (Tensors) Proxy.newProxyInstance(Tensors.class.getClassLoader(),
                    new Class<?>[] {Tensors.class}, (proxy, method, args) -> {
                        if (method.getName().equals("aside")) {
                            Callable<?> task = (Callable<?>) args[0];
                            return lent.submit(() -> inPlace.aside(task).get());
                        }
                        try {
                            return method.invoke(inPlace, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            Kit lendingKit = new Kit(lending, kit.layers(), kit.optimizers());
            try (TrainingStep step = TrainingWorkload.KD.prepare(lendingKit, 4)) {
                assertArrayEquals(losses(), new float[] {step.run(), step.run(), step.run()});
            }
        } finally {
            lent.shutdownNow();
        }
    }

    @Test
    void aLayerThatDoesNotFitTheOneBeforeIsAClearError() {
        Net net = new Net(kit.layers(), 784).dense("fc1", 10, Activation.RELU);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> net.conv("conv1", 6, 5, 0, Activation.RELU));
        assertEquals("layer 'conv1' needs samples of rank 3, but the layer before it gives [10]", e.getMessage());
    }
}
