package io.distillery.backend.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

/** The worker pool's edge cases: every task exactly once, nesting, failures, resizing, and use after close. */
class WorkerPoolTest {

    private static int[] runCounts(WorkerPool pool, int tasks) {
        AtomicIntegerArray counts = new AtomicIntegerArray(tasks);
        pool.run(tasks, counts::incrementAndGet);
        int[] result = new int[tasks];
        for (int i = 0; i < tasks; i++) {
            result[i] = counts.get(i);
        }
        return result;
    }

    @Test
    void runsEveryTaskExactlyOnce() {
        try (WorkerPool pool = new WorkerPool(3)) {
            for (int tasks : new int[] {0, 1, 2, 7, 1000}) {
                int[] once = new int[tasks];
                Arrays.fill(once, 1);
                assertArrayEquals(once, runCounts(pool, tasks), tasks + " tasks");
            }
        }
    }

    @Test
    void runsNestedCallsSeriallyInsideTasks() {
        try (WorkerPool pool = new WorkerPool(2)) {
            AtomicIntegerArray inner = new AtomicIntegerArray(4 * 5);
            pool.run(4, outer -> pool.run(5, i -> inner.incrementAndGet(outer * 5 + i)));
            for (int i = 0; i < 20; i++) {
                assertEquals(1, inner.get(i), "nested task " + i);
            }
        }
    }

    @Test
    void rethrowsATaskFailureToTheCallerAndStaysUsable() {
        try (WorkerPool pool = new WorkerPool(2)) {
            IndexOutOfBoundsException failure = new IndexOutOfBoundsException("task 3");
            IndexOutOfBoundsException thrown = assertThrows(IndexOutOfBoundsException.class, () -> pool.run(8, i -> {
                if (i == 3) {
                    throw failure;
                }
            }));
            assertSame(failure, thrown);
            assertEquals(1, runCounts(pool, 8)[7]);
        }
    }

    @Test
    void keepsWorkingOnTheCallingThreadAfterClose() {
        WorkerPool pool = new WorkerPool(2);
        pool.close();
        int[] once = new int[50];
        Arrays.fill(once, 1);
        assertArrayEquals(once, runCounts(pool, 50));
    }

    @Test
    void rejectsFewerThanOneThread() {
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0));
        try (WorkerPool pool = new WorkerPool(2)) {
            assertThrows(IllegalArgumentException.class, () -> pool.resize(0));
            assertEquals(2, pool.threads(), "a rejected size leaves the pool as it was");
        }
    }

    @Test
    void resizesBetweenCallsAndStillRunsEveryTaskOnce() {
        int[] once = new int[100];
        Arrays.fill(once, 1);
        try (WorkerPool pool = new WorkerPool(1)) {
            for (int threads : new int[] {3, 1, 2}) {
                pool.resize(threads);
                assertEquals(threads, pool.threads());
                assertArrayEquals(once, runCounts(pool, 100), threads + " threads");
            }
        }
    }

    @Test
    void resizesWhileACallRuns() {
        try (WorkerPool pool = new WorkerPool(2)) {
            AtomicIntegerArray counts = new AtomicIntegerArray(40);
            pool.run(40, i -> {
                if (i == 0) {
                    pool.resize(3);
                }
                counts.incrementAndGet(i);
            });
            for (int i = 0; i < 40; i++) {
                assertEquals(1, counts.get(i), "task " + i);
            }
            assertEquals(3, pool.threads());
        }
    }

    @Test
    void cannotBeResizedOnceClosed() {
        WorkerPool pool = new WorkerPool(2);
        pool.close();
        assertThrows(IllegalStateException.class, () -> pool.resize(3));
    }
}
