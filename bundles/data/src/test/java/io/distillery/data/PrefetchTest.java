package io.distillery.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.distillery.api.data.Batch;
import io.distillery.api.data.Dataset;
import io.distillery.api.data.Loader;
import io.distillery.api.data.LoaderOptions;
import io.distillery.api.data.Transform;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.Tensors;

import org.junit.jupiter.api.Test;

/** The background thread: preparing ahead of the consumer, failures passed to the caller, and stopping. */
class PrefetchTest {
    private static final int BATCHES = 8;

    private final Tensors tensors = TestData.tensors();
    private final StandardPipeline pipeline = new StandardPipeline(tensors);

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean workerAlive(String dataset) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("distillery-loader " + dataset) && t.isAlive());
    }

    // polls until the condition holds or ten seconds pass: a bound on a busy machine, not a speed requirement
    private static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(5);
        }
        return true;
    }

    @Test
    void batchesArePreparedAheadWhileTheConsumerHoldsOne() {
        AtomicInteger prepared = new AtomicInteger();
        Transform counting = (x, shape, random) -> prepared.incrementAndGet();
        Dataset data = TestData.counting("overlap", 4 * BATCHES, 2);
        try (Loader loader = pipeline.loader(data, new LoaderOptions(4, true, false, List.of(counting), 1, 2))) {
            Iterator<Batch> it = loader.epoch(0);
            try (Scope step = tensors.scope()) {
                it.next().inputs();
                // the consumer asks for nothing more, yet the next two batches get prepared
                assertTrue(eventually(() -> prepared.get() >= 4 * 3), "prepared " + prepared.get() + " examples");
            }
        }
    }

    @Test
    void withoutPrefetchABatchIsPreparedOnlyWhenAskedForAndTheCallerWaitsForIt() {
        AtomicInteger prepared = new AtomicInteger();
        Transform counting = (x, shape, random) -> {
            prepared.incrementAndGet();
            sleep(1);
        };
        Dataset data = TestData.counting("inline", 4 * BATCHES, 2);
        try (Loader loader = pipeline.loader(data, new LoaderOptions(4, true, false, List.of(counting), 1, 0))) {
            Iterator<Batch> it = loader.epoch(0);
            try (Scope step = tensors.scope()) {
                it.next().inputs();
                assertEquals(4, prepared.get());
            }
            assertTrue(loader.waited().toMillis() >= 4, "preparation on the caller's thread counts as waiting");
        }
    }

    @Test
    void aFailureOnTheBackgroundThreadSurfacesOnTheCallersNextWithItsCause() {
        IllegalArgumentException cause = new IllegalArgumentException("bad example");
        Transform failing = (x, shape, random) -> {
            if (x[0] == 13) {
                throw cause;
            }
        };
        Dataset data = TestData.counting("failing", 40, 2);
        try (Loader loader = pipeline.loader(data, new LoaderOptions(10, false, false, List.of(failing), 1, 2));
                Scope step = tensors.scope()) {
            Iterator<Batch> it = loader.epoch(0);
            it.next();
            IllegalStateException e = assertThrows(IllegalStateException.class, it::next);
            assertSame(cause, e.getCause());
            assertTrue(e.getMessage().contains("batch 1 of epoch 0 of failing"), e.getMessage());
            assertSame(e, assertThrows(IllegalStateException.class, it::next), "the failure stays");
        }
    }

    @Test
    void closeStopsTheThreadAndEndsTheLoader() {
        Dataset data = TestData.counting("closing", 64, 2);
        Loader loader = pipeline.loader(data, new LoaderOptions(4, true, false, List.of(), 1, 2));
        Iterator<Batch> it = loader.epoch(0);
        try (Scope step = tensors.scope()) {
            it.next();
        }
        assertTrue(workerAlive("closing"));
        loader.close();
        assertFalse(workerAlive("closing"), "the background thread ended");
        assertThrows(IllegalStateException.class, it::next);
        assertThrows(IllegalStateException.class, () -> loader.epoch(1));
        loader.close();
    }

    @Test
    void aNewEpochEndsTheOldOne() {
        Dataset data = TestData.counting("restart", 64, 2);
        try (Loader loader = pipeline.loader(data, new LoaderOptions(4, true, false, List.of(), 1, 2));
                Scope step = tensors.scope()) {
            Iterator<Batch> first = loader.epoch(0);
            first.next();
            Iterator<Batch> second = loader.epoch(1);
            IllegalStateException e = assertThrows(IllegalStateException.class, first::next);
            assertTrue(e.getMessage().contains("epoch 0 of restart"), e.getMessage());
            int served = 0;
            while (second.hasNext()) {
                second.next();
                served++;
            }
            assertEquals(16, served);
        }
    }
}
