package io.distillery.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;
import io.distillery.api.tensor.Tensors;
import io.distillery.backend.tck.PrimitiveDelegate;
import io.distillery.engine.core.Engine;
import io.distillery.engine.core.EngineTensors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Work handed to a thread the backend lends, beside the caller's step. */
class AsideTest {
    private final ExecutorService lent = Executors.newSingleThreadExecutor();
    /** Lends {@link #lent}'s thread, as a backend with threads of its own does. */
    private final PrimitiveDelegate lending = new PrimitiveDelegate(TestEngine.backend(), "lending") {
        @Override
        public <T> Future<T> aside(Callable<T> task) {
            return lent.submit(task);
        }
    };

    @AfterEach
    void stop() {
        lent.shutdownNow();
    }

    @Test
    void aTaskRunsOnTheLentThreadInScopesOfItsOwn() throws Exception {
        Engine engine = new Engine(lending);
        EngineTensors tensors = EngineTensors.on(engine);
        Parameter w = tensors.parameter(new TensorData(Shape.of(2), new float[] {2, 3}), false);
        Thread caller = Thread.currentThread();
        try (Scope step = tensors.scope()) {
            Tensor mine = tensors.of(Shape.of(2), 1, 1);
            Future<TensorData> doubled = tensors.aside(() -> {
                assertNotSame(caller, Thread.currentThread());
                try (Scope own = tensors.scope()) {
                    return w.mul(2).data();
                }
            });
            assertArrayEquals(new float[] {4, 6}, doubled.get(10, TimeUnit.SECONDS).values());
            assertArrayEquals(new float[] {1, 1}, mine.toArray(), "the caller's scope is its own");
        }
        w.release();
        assertEquals(0, engine.memoryStats().scopedStorages());
    }

    @Test
    void aBackendWithoutThreadsOfItsOwnRunsTheTaskAtOnce() throws Exception {
        EngineTensors tensors = EngineTensors.on(new Engine(TestEngine.backend()));
        Future<Thread> ran = tensors.aside(Thread::currentThread);
        assertSame(Thread.currentThread(), ran.get(0, TimeUnit.SECONDS));
    }

    /**
     * A step waits for a task while holding the lock a backend move needs; the task's scope must not wait for
     * the move, which cannot start before the step ends.
     */
    @Test
    void aStepWaitingForATaskDoesNotDeadlockWithAPendingMove() throws Exception {
        Engine engine = new Engine(lending);
        EngineTensors tensors = EngineTensors.on(engine);
        Parameter w = tensors.parameter(new TensorData(Shape.of(2), new float[] {2, 3}), false);
        CountingBackend other = new CountingBackend(TestEngine.backend(), "other");
        try (Scope step = tensors.scope()) {
            engine.addBackend(other, "other", 10); // preferred now: the engine moves at the next step
            Future<TensorData> sum = tensors.aside(() -> {
                try (Scope own = tensors.scope()) {
                    return w.add(w).data();
                }
            });
            assertArrayEquals(new float[] {4, 6}, sum.get(10, TimeUnit.SECONDS).values());
        }
        try (Scope next = tensors.scope()) {
            assertEquals(Optional.of("other"), engine.currentBackend());
            assertArrayEquals(new float[] {2, 3}, w.toArray());
        }
        w.release();
    }

    @Test
    void awaitingATaskGoesOnThroughAnInterruptAndKeepsIt() {
        CountDownLatch waiting = new CountDownLatch(1);
        Future<String> slow = lent.submit(() -> {
            assertTrue(waiting.await(10, TimeUnit.SECONDS));
            Thread.sleep(20);
            return "done";
        });
        Thread.currentThread().interrupt();
        waiting.countDown();
        assertEquals("done", Tensors.await(slow));
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    }

    @Test
    void awaitingAFailedTaskRethrowsItsFailure() {
        Future<String> failed = lent.submit(() -> {
            throw new IllegalArgumentException("bad input");
        });
        assertEquals("bad input", assertThrows(IllegalArgumentException.class, () -> Tensors.await(failed)).getMessage());
    }

    /**
     * A backend withdrawn from another thread queues for the lock behind the step; a reader arriving behind a
     * queued writer would wait for it, so the task's scope must get past it.
     */
    @Test
    void aStepWaitingForATaskDoesNotDeadlockWithAQueuedWithdrawal() throws Exception {
        Engine engine = new Engine(lending);
        EngineTensors tensors = EngineTensors.on(engine);
        engine.addBackend(new CountingBackend(TestEngine.backend(), "other"), "other", -10);
        Parameter w = tensors.parameter(new TensorData(Shape.of(2), new float[] {2, 3}), false);
        Thread withdrawal = new Thread(() -> engine.removeBackend(lending));
        try (Scope step = tensors.scope()) {
            withdrawal.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (withdrawal.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // until it waits for the lock this step holds
            }
            assertEquals(Thread.State.WAITING, withdrawal.getState());
            Future<TensorData> sum = tensors.aside(() -> {
                try (Scope own = tensors.scope()) {
                    return w.add(w).data();
                }
            });
            assertArrayEquals(new float[] {4, 6}, sum.get(10, TimeUnit.SECONDS).values());
        }
        withdrawal.join(10_000);
        assertEquals(Optional.of("other"), engine.currentBackend());
        w.release();
    }
}
