package io.distillery.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The backend's pool: every part runs once, failures reach the caller, nested jobs run inline. The thread count
 * is process-wide; each test sets its own and the suite's 2 is restored after it.
 */
class WorkersTest {

    @AfterEach
    void restore() {
        Workers.threads(2);
    }

    @Test
    void runsEveryPartOnceOnSeveralThreads() {
        Workers.threads(3);
        for (int job = 0; job < 200; job++) {
            AtomicIntegerArray runs = new AtomicIntegerArray(7);
            Set<Integer> workers = ConcurrentHashMap.newKeySet();
            Workers.run(7, (part, worker) -> {
                runs.incrementAndGet(part);
                workers.add(worker);
            });
            for (int p = 0; p < 7; p++) {
                assertEquals(1, runs.get(p), "part " + p + " of job " + job);
            }
            assertTrue(workers.stream().allMatch(w -> w >= 0 && w < 3), "worker indices " + workers);
        }
    }

    @Test
    void workerIndicesStayBelowThePartCount() {
        Workers.threads(4);
        Set<Integer> workers = ConcurrentHashMap.newKeySet();
        for (int job = 0; job < 100; job++) {
            Workers.run(2, (part, worker) -> workers.add(worker));
        }
        assertTrue(workers.stream().allMatch(w -> w < 2), "per-part state is indexed by worker: " + workers);
    }

    @Test
    void rangesCoverTheItemsOnceInOrderedPieces() {
        Workers.threads(2);
        int[] seen = new int[100_001];
        Workers.ranges(seen.length, Workers.SPLIT_ELEMENTS, (from, to) -> {
            for (int i = from; i < to; i++) {
                seen[i]++;
            }
        });
        int[] once = new int[seen.length];
        Arrays.fill(once, 1);
        assertArrayEquals(once, seen);
    }

    @Test
    void smallJobsStayOnTheCallingThread() {
        Workers.threads(2);
        Thread caller = Thread.currentThread();
        Workers.ranges(1000, Workers.SPLIT_ELEMENTS - 1, (from, to) -> {
            assertSame(caller, Thread.currentThread());
            assertEquals(0, from);
            assertEquals(1000, to);
        });
    }

    @Test
    void aNestedJobRunsOnTheThreadThatStartedIt() {
        Workers.threads(2);
        AtomicIntegerArray inner = new AtomicIntegerArray(8);
        Workers.run(2, (part, worker) -> {
            Thread outer = Thread.currentThread();
            Workers.run(4, (p, w) -> {
                assertSame(outer, Thread.currentThread());
                assertEquals(0, w);
                inner.incrementAndGet(part * 4 + p);
            });
        });
        for (int i = 0; i < 8; i++) {
            assertEquals(1, inner.get(i));
        }
    }

    @Test
    void aFailingPartFailsTheJobAfterTheOthersFinish() {
        Workers.threads(2);
        AtomicIntegerArray runs = new AtomicIntegerArray(6);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Workers.run(6, (part, worker) -> {
            runs.incrementAndGet(part);
            if (part == 3) {
                throw new IllegalStateException("part 3 failed");
            }
        }));
        assertEquals("part 3 failed", e.getMessage());
        for (int p = 0; p < 6; p++) {
            assertEquals(1, runs.get(p));
        }
        AtomicIntegerArray after = new AtomicIntegerArray(2);
        Workers.run(2, (part, worker) -> after.incrementAndGet(part));
        assertEquals(1, after.get(0), "the pool still works after a failure");
        assertEquals(1, after.get(1), "the pool still works after a failure");
    }

    @Test
    void afterAStopJobsRunOnTheCallerUntilAThreadCountIsSetAgain() {
        Workers.threads(2);
        Workers.stop();
        Thread caller = Thread.currentThread();
        Workers.run(2, (part, worker) -> assertSame(caller, Thread.currentThread(), "a worker after the stop"));
        Workers.threads(2);
        assertASecondThreadTakesPart("a second thread took part once configured again");
    }

    @Test
    void stopEndsTheWorkerThreads() {
        Workers.threads(2);
        Workers.run(2, (part, worker) -> sleep());
        Workers.stop();
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("distillery-nd4j-")), "stop waits for them");
    }

    @Test
    void aTaskAsideRunsOnAWorkerWhileTheCallersJobsKeepToTheCaller() throws Exception {
        Workers.threads(2);
        Thread caller = Thread.currentThread();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Set<Thread> taskJobThreads = ConcurrentHashMap.newKeySet();
        Future<Thread> aside = Workers.aside(() -> {
            started.countDown();
            assertTrue(release.await(10, TimeUnit.SECONDS));
            Workers.run(2, (part, worker) -> taskJobThreads.add(Thread.currentThread()));
            return Thread.currentThread();
        });
        assertTrue(started.await(10, TimeUnit.SECONDS), "a worker took the task up");
        for (int job = 0; job < 20; job++) {
            Workers.run(2, (part, worker) -> assertSame(caller, Thread.currentThread(), "the lent worker took a part"));
        }
        release.countDown();
        Thread ran = aside.get(10, TimeUnit.SECONDS);
        assertTrue(ran.getName().startsWith("distillery-nd4j-"), "ran on " + ran.getName());
        assertEquals(Set.of(ran), taskJobThreads, "the task's own jobs run on its thread");
        assertASecondThreadTakesPart("the worker takes parts again once the task is done");
    }

    @Test
    void aTaskAsideRunsOnTheCallerWithOneThreadOrWhenTheWorkerIsLentAlready() throws Exception {
        Workers.threads(1);
        Thread caller = Thread.currentThread();
        assertSame(caller, Workers.aside(Thread::currentThread).get());
        Workers.threads(2);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Thread> first = Workers.aside(() -> {
            started.countDown();
            assertTrue(release.await(10, TimeUnit.SECONDS));
            return Thread.currentThread();
        });
        assertTrue(started.await(10, TimeUnit.SECONDS), "a worker took the first task up");
        Future<Thread> second = Workers.aside(Thread::currentThread);
        assertTrue(second.isDone(), "the second task ran before aside returned");
        assertSame(caller, second.get());
        release.countDown();
        assertTrue(first.get(10, TimeUnit.SECONDS).getName().startsWith("distillery-nd4j-"));
    }

    @Test
    void aTaskNoWorkerStartedRunsOnTheThreadWaitingForIt() throws Exception {
        Workers.threads(2);
        CountDownLatch workerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = new Thread(() -> Workers.run(2, (part, worker) -> {
            if (part == 0) {
                await(workerBusy); // so that the worker, not this thread, takes part 1
            } else {
                workerBusy.countDown();
                await(release);
            }
        }));
        other.start();
        assertTrue(workerBusy.await(10, TimeUnit.SECONDS));
        Future<Thread> aside = Workers.aside(Thread::currentThread); // lent to a worker still busy with a part
        Workers.stop(); // ends the pool before the worker is back for the task
        release.countDown();
        assertSame(Thread.currentThread(), aside.get(10, TimeUnit.SECONDS));
        other.join(10_000);
    }

    @Test
    void aTaskLentRightAfterTheLastOneEndedGoesToTheWorkerToo() throws Exception {
        Workers.threads(2);
        for (int i = 0; i < 200; i++) {
            Future<Thread> task = Workers.aside(Thread::currentThread);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!task.isDone() && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // get() would run a task not yet started here
            }
            Thread ran = task.get(0, TimeUnit.SECONDS);
            assertTrue(ran.getName().startsWith("distillery-nd4j-"), "task " + i + " ran on " + ran.getName());
        }
    }

    @Test
    void aFailingTaskFailsItsFuture() {
        Workers.threads(2);
        Future<Object> aside = Workers.aside(() -> {
            throw new IllegalStateException("the task failed");
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> aside.get(10, TimeUnit.SECONDS));
        assertEquals("the task failed", e.getCause().getMessage());
    }

    /** Runs two-part jobs, each part long enough for the worker to claim one, until it has. */
    private static void assertASecondThreadTakesPart(String message) {
        Set<Integer> workers = ConcurrentHashMap.newKeySet();
        for (int job = 0; job < 50 && workers.size() < 2; job++) {
            Workers.run(2, (part, worker) -> {
                workers.add(worker);
                sleep();
            });
        }
        assertEquals(Set.of(0, 1), workers, message);
    }

    private static void sleep() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
