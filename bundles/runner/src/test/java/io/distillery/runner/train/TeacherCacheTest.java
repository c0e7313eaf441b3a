package io.distillery.runner.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distillery.api.data.Batch;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;
import io.distillery.api.tensor.Tensors;
import io.distillery.backend.jvm.JvmBackend;
import io.distillery.engine.core.Engine;
import io.distillery.engine.core.EngineTensors;
import io.distillery.engine.nn.StandardLayers;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Logits computed aside, on another thread, are the ones the cache computes in place, and are cached alike. */
class TeacherCacheTest {
    private static final JvmBackend BACKEND = new JvmBackend(1);

    private final Engine engine = new Engine(BACKEND);
    private final Tensors tensors = EngineTensors.on(engine);
    private final Module teacher = StandardLayers.on(engine).withRandom(new SeededRandom(1)).sequential()
            .add("fc", StandardLayers.on(engine).linear(5, 3, Activation.RELU));

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @Test
    void logitsComputedAsideOnAnotherThreadAreTheOnesComputedInPlaceAndAreCached() throws Exception {
        Batch batch = new HostBatch(tensors, new int[] {4, 1}, 0.5f);
        TeacherCache inPlace = new TeacherCache(teacher, tensors, 6, true);
        TeacherCache aside = new TeacherCache(teacher, tensors, 6, true);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Scope step = tensors.scope()) {
            float[] expected = inPlace.logits(batch, true).toArray();
            assertTrue(aside.misses(batch));
            TensorData computed = other.submit(() -> aside.computeAside(batch)).get(10, TimeUnit.SECONDS);
            assertArrayEquals(expected, aside.accept(batch, computed).toArray());
            assertFalse(aside.misses(batch), "accepted logits are cached");
            assertArrayEquals(expected, aside.logits(batch, true).toArray());
            assertTrue(aside.misses(new HostBatch(tensors, new int[] {4, 2}, 0.5f)), "example 2 is not cached");
        } finally {
            other.shutdownNow();
        }
    }

    /** Examples of 5 features, {@code base + index / 10 + feature / 100}. */
    private record HostBatch(Tensors tensors, int[] indices, float base) implements Batch {
        @Override
        public TensorData inputData() {
            float[] values = new float[indices.length * 5];
            for (int i = 0; i < values.length; i++) {
                values[i] = base + indices[i / 5] / 10f + (i % 5) / 100f;
            }
            return new TensorData(Shape.of(indices.length, 5), values);
        }

        @Override
        public Tensor inputs() {
            return tensors.of(inputData());
        }

        @Override
        public Tensor labels() {
            return tensors.of(Shape.of(indices.length), new float[indices.length]);
        }

        @Override
        public int size() {
            return indices.length;
        }

        @Override
        public int[] indices() {
            return indices.clone();
        }
    }
}
