package io.distillery.backend.jvm;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A set of daemon threads that runs the numbered tasks of one kernel call, the calling thread included.
 *
 * <p>The caller and up to {@code threads - 1} helpers claim task numbers from a shared counter until none are
 * left, so a helper that starts late because it is busy with another call costs nothing, and concurrent
 * kernel calls from several engine threads cannot deadlock. A call made from inside a task runs serially:
 * nested parallelism would only oversubscribe the cores. The thread count can change while calls run
 * ({@link #resize}): a call keeps the helpers it started with, and later calls use the new ones.
 */
final class WorkerPool implements AutoCloseable {
    /** Enough tasks for any core count this backend targets, few enough that claiming them costs nothing. */
    static final int MAX_TASKS = 64;

    /** Set on the pool's threads, and on a caller while it runs tasks. */
    private static final ThreadLocal<Boolean> IN_TASK = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final AtomicInteger threadNumbers = new AtomicInteger();
    private volatile Crew crew;
    private boolean closed;

    /** @param threads the number of threads a call may use, the caller included; at least 1 */
    WorkerPool(int threads) {
        this.crew = hire(threads);
    }

    /** @return the number of threads a call may use */
    int threads() {
        return crew.threads();
    }

    /**
     * Changes the number of threads later calls may use. The old helpers finish the tasks they were given and
     * stop; nothing waits for them.
     *
     * @param threads the number of threads a call may use, the caller included; at least 1
     * @throws IllegalStateException if the pool is closed
     */
    void resize(int threads) {
        Crew old;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the jvm backend's worker pool is closed");
            }
            old = crew;
            crew = hire(threads);
        }
        old.dismiss();
    }

    private Crew hire(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("the jvm backend needs at least 1 thread, got " + threads);
        }
        ExecutorService helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, body -> {
            Thread thread = new Thread(() -> {
                IN_TASK.set(Boolean.TRUE);
                body.run();
            }, "distillery-jvm-" + threadNumbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new Crew(threads, helpers);
    }

    /**
     * Runs {@code task.accept(i)} for every {@code i} in {@code [0, tasks)}, in parallel where possible, and
     * returns when all have finished.
     *
     * @param tasks the number of tasks
     * @param task the work of one task
     * @throws RuntimeException the first exception a task threw, after every task has finished
     */
    void run(int tasks, IntConsumer task) {
        Crew c = crew;
        if (tasks <= 1 || c.helpers() == null || IN_TASK.get()) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
            return;
        }
        Job job = new Job(tasks, task);
        int wanted = Math.min(c.threads() - 1, tasks - 1);
        for (int h = 0; h < wanted; h++) {
            try {
                c.helpers().execute(job::work);
            } catch (RejectedExecutionException dismissed) {
                break; // the pool was closed or resized meanwhile: the caller does the rest of the work
            }
        }
        IN_TASK.set(Boolean.TRUE);
        try {
            job.work();
        } finally {
            IN_TASK.set(Boolean.FALSE);
        }
        job.await();
    }

    /** Stops the helper threads; later calls run on the calling thread alone. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        crew.dismiss();
    }

    /**
     * How many tasks to cut work into: one per {@code grain} units of work, at most {@link #MAX_TASKS} and at
     * most {@code items}; never dependent on the thread count, so that results are not either.
     *
     * @param work the work, in any unit
     * @param grain the least work worth a task of its own, in the same unit
     * @param items the number of indivisible items the work consists of
     * @return the number of tasks, at least 1
     */
    static int tasks(long work, long grain, long items) {
        return (int) Math.max(1, Math.min(Math.min(MAX_TASKS, items), work / grain));
    }

    /**
     * @param total a number of items
     * @param parts the number of parts
     * @param part a part number
     * @return the first item of the part, so that the parts' sizes differ by at most one
     */
    static long start(long total, int parts, int part) {
        return total * part / parts;
    }

    /** The helpers of one thread count: {@code threads - 1} of them, none for a single thread. */
    private record Crew(int threads, ExecutorService helpers) {
        void dismiss() {
            if (helpers != null) {
                helpers.shutdown();
            }
        }
    }

    /** One call's tasks, claimed one at a time. */
    private static final class Job {
        private final int tasks;
        private final IntConsumer task;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch finished;
        private volatile Throwable failure;

        Job(int tasks, IntConsumer task) {
            this.tasks = tasks;
            this.task = task;
            this.finished = new CountDownLatch(tasks);
        }

        void work() {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                try {
                    if (failure == null) {
                        task.accept(i);
                    }
                } catch (Throwable t) {
                    synchronized (this) {
                        if (failure == null) {
                            failure = t;
                        }
                    }
                } finally {
                    finished.countDown();
                }
            }
        }

        void await() {
            boolean interrupted = false;
            while (true) {
                try {
                    finished.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the kernel's buffers are in use until every task is done
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable t = failure;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException("jvm backend task failed", t);
            }
        }
    }
}
