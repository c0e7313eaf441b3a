package io.distillery.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;

import io.distillery.api.data.Batch;
import io.distillery.api.data.Dataset;
import io.distillery.api.data.Loader;
import io.distillery.api.data.LoaderOptions;
import io.distillery.api.data.Transform;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.Tensors;

import org.junit.jupiter.api.Test;

/** The background thread: overlap with a slow consumer, failures passed to the caller, and stopping. */
class PrefetchTest {
    private static final int BATCHES = 8;
    private static final long PREPARE_MILLIS = 8;
    private static final long STEP_MILLIS = 30;

    private final Tensors tensors = TestData.tensors();
    private final StandardPipeline pipeline = new StandardPipeline(tensors);

    /** Takes {@code PREPARE_MILLIS} per batch of 4 examples. */
    private static final Transform SLOW = (x, shape, random) -> sleep(PREPARE_MILLIS / 4);

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

    /** Runs one epoch with a consumer that works {@code STEP_MILLIS} per batch, and returns the time it waited. */
    private Duration slowConsumer(String name, int prefetch) {
        Dataset data = TestData.counting(name, 4 * BATCHES, 2);
        try (Loader loader = pipeline.loader(data, new LoaderOptions(4, true, false, List.of(SLOW), 1, prefetch))) {
            for (Iterator<Batch> it = loader.epoch(0); it.hasNext(); ) {
                try (Scope step = tensors.scope()) {
                    it.next().inputs();
                    sleep(STEP_MILLIS);
                }
            }
            return loader.waited();
        }
    }

    @Test
    void aSlowConsumerBarelyWaitsWhenBatchesArePreparedAhead() {
        Duration ahead = slowConsumer("overlap", 2);
        Duration inline = slowConsumer("no-overlap", 0);
        long preparing = BATCHES * PREPARE_MILLIS;
        assertTrue(inline.toMillis() >= preparing, "without prefetch the caller prepares every batch: " + inline);
        // With prefetch only the first batch is waited for; the rest are ready while the consumer works.
        assertTrue(ahead.toMillis() < preparing / 2, "waited " + ahead.toMillis() + " ms of " + preparing + " ms preparing");
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
        Loader loader = pipeline.loader(data, new LoaderOptions(4, true, false, List.of(SLOW), 1, 2));
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
