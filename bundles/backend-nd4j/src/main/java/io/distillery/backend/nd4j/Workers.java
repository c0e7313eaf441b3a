package io.distillery.backend.nd4j;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The backend's one pool of threads: the calling thread plus {@code threads - 1} workers, which share out the
 * parts of a matrix product, a convolution or a long kernel.
 *
 * <p>OpenBLAS itself runs at one thread, always on the thread that calls it. Two pools that each keep their
 * threads spinning between jobs (OpenBLAS's and a second one) fought over the two cores here, so that two
 * threads trained slower than one; with a single pool, and products split into parts by us, nothing spins
 * against anything else. A worker waits for the next job by spinning briefly, then parks: jobs of a training
 * step come every few tens of microseconds, and waking a parked thread costs about as much again.
 *
 * <p>Parts are claimed from a shared counter, so which thread runs a part varies; every part must compute the
 * same result on any thread. A job started from inside a job, or while another thread's job runs, runs on the
 * calling thread alone. The first worker can also be lent for a task beside the caller ({@link #aside}); jobs
 * leave it out meanwhile. Workers end after a second without work and start again with the next job; when the
 * backend deactivates, {@link #stop()} ends them, waits for them, and starts no more until the backend is
 * configured again, so that no worker runs this bundle's code after it stopped (a lent task, which the engine
 * finishes before it lets the backend go, excepted).
 */
final class Workers {
    /**
     * How long an idle worker spins before it parks. Measured here (a 2-vCPU virtual machine), jobs of two 10 us
     * parts 100 us apart: a worker that spun 50 us had parked and the job took 40 us (the slowest tenth 130 us);
     * one that spun 300 us was still there and the job took 11 us.
     */
    private static final long SPIN_NANOS = 250_000;
    /** How long an idle worker waits before it ends. */
    private static final long IDLE_NANOS = 1_000_000_000L;
    /** How long {@link #stop()} waits for each worker to end. */
    private static final long STOP_WAIT_MILLIS = 100;
    /** How many times a caller whose own parts are done spins, waiting for the workers', before it yields. */
    private static final int WAIT_SPINS = 1 << 14;

    /** One part of a job. */
    interface Part {
        /**
         * @param part the part, in {@code [0, parts)}
         * @param worker the thread running it, in {@code [0, min(parts, threads))}: an index for per-thread state
         */
        void run(int part, int worker);
    }

    /** A contiguous range of items. */
    interface Range {
        /**
         * @param from the first item
         * @param to one past the last item
         */
        void run(int from, int to);
    }

    /**
     * Jobs that touch fewer elements run on one thread: 32K elements take a few tens of microseconds, which is
     * what handing a job to a worker that has parked costs.
     */
    static final long SPLIT_ELEMENTS = 1 << 15;

    /** Read on every kernel call, written under the class lock. */
    private static volatile int threads = 1;
    /** Guarded by the class lock. */
    private static Pool pool;
    /** Set when the backend deactivates, cleared when a thread count is set: no new workers meanwhile. */
    private static boolean stopped;

    private Workers() {
    }

    /**
     * Sets the number of threads, the caller's included; takes effect with the next job. The setting is
     * process-wide: the backend component is a singleton, and the last instance configured wins.
     *
     * @param count at least 1
     */
    static synchronized void threads(int count) {
        threads = count;
        endPool();
        stopped = false;
    }

    /** @return the number of threads a job may use, the caller's included */
    static int threads() {
        return threads;
    }

    /**
     * Ends the workers and waits briefly for them, as the backend deactivates; until a thread count is set again,
     * jobs run on the calling thread alone. A task lent to a worker and running goes on to its end (the engine
     * does not withdraw a backend while one runs); one not started yet is left to whoever waits for it.
     */
    static synchronized void stop() {
        stopped = true;
        endPool();
    }

    private static void endPool() {
        if (pool != null) {
            pool.close();
            pool.join(STOP_WAIT_MILLIS);
            pool = null;
        }
    }

    /**
     * Runs {@code part} for every part in {@code [0, parts)}, on up to as many threads as there are parts, and
     * returns when all have run; a part's failure reaches the caller once no part is running any more.
     *
     * @param parts how many parts
     * @param part the work
     */
    static void run(int parts, Part part) {
        Pool p = parts > 1 ? acquire() : null;
        if (p == null) {
            for (int i = 0; i < parts; i++) {
                part.run(i, 0);
            }
            return;
        }
        try {
            p.run(parts, part);
        } finally {
            p.release();
        }
    }

    /**
     * Runs {@code range} over {@code [0, count)} in one contiguous range per thread, or in one range when the job
     * touches fewer than {@link #SPLIT_ELEMENTS} elements.
     *
     * @param count how many items
     * @param elements how many elements the job touches, a measure of its cost
     * @param range the work
     */
    static void ranges(int count, long elements, Range range) {
        int parts = elements < SPLIT_ELEMENTS ? 1 : Math.min(threads(), count);
        if (parts <= 1) {
            if (count > 0) {
                range.run(0, count);
            }
            return;
        }
        run(parts, (part, worker) -> range.run((int) ((long) count * part / parts),
                (int) ((long) count * (part + 1) / parts)));
    }

    /**
     * Runs a task on the first worker, beside the caller, for {@link Nd4jBackend#aside}. While it runs, jobs leave
     * that worker out: with two threads they run on their callers alone, the task's own included. Where no worker
     * is free (one thread, stopped, or lent already), the task runs on the calling thread before this returns.
     *
     * @param task the work
     * @param <T> its result's type
     * @return its outcome; {@link Future#get()} runs the task on the waiting thread if no worker has started it
     */
    static <T> Future<T> aside(Callable<T> task) {
        Aside<T> aside = new Aside<>(task);
        Pool p = pool();
        if (p == null || !p.lend(aside)) {
            aside.run();
        }
        return aside;
    }

    /** @return the pool, now owned by the calling thread; {@code null} if there is no second thread to use */
    private static synchronized Pool acquire() {
        Pool p = pool();
        return p != null && !p.allLent() && p.tryOwn() ? p : null;
    }

    /** @return a pool with every worker alive, started if need be; {@code null} with one thread or stopped */
    private static synchronized Pool pool() {
        if (threads < 2 || stopped) {
            return null;
        }
        if (pool == null || !pool.alive()) {
            if (pool != null) {
                pool.close(); // some of its workers ended idle: the others go too
            }
            try {
                pool = new Pool(threads);
            } catch (OutOfMemoryError noThread) { // the system would start no more threads: run here alone
                pool = null;
            }
        }
        return pool;
    }

    /** A task run aside; whoever waits for it runs it if no worker has started it, so none is ever stranded. */
    private static final class Aside<T> extends FutureTask<T> {
        Aside(Callable<T> task) {
            super(task);
        }

        @Override
        public T get() throws InterruptedException, ExecutionException {
            run(); // does nothing once the task has started or ended
            return super.get();
        }

        @Override
        public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            run();
            return super.get(timeout, unit);
        }
    }

    /** One job: its parts, and how far they have got. */
    private static final class Job {
        final Part part;
        final int parts;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(Part part, int parts) {
            this.part = part;
            this.parts = parts;
        }

        /** Runs unclaimed parts until none is left. */
        void claim(int worker) {
            for (int i = next.getAndIncrement(); i < parts; i = next.getAndIncrement()) {
                try {
                    part.run(i, worker);
                } catch (Throwable t) {
                    if (failure == null) {
                        failure = t;
                    }
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    /** Worker threads and the job they share. */
    private static final class Pool {
        private final Thread[] workers;
        private final AtomicInteger owner = new AtomicInteger();
        private final AtomicInteger living;
        private volatile boolean closed;
        private volatile Job current;
        /** The task the first worker runs aside, from when it is lent until the task ends; else {@code null}. */
        private final AtomicReference<Aside<?>> lent = new AtomicReference<>();

        Pool(int threads) {
            workers = new Thread[threads - 1];
            living = new AtomicInteger(workers.length);
            try {
                for (int i = 0; i < workers.length; i++) {
                    int index = i + 1;
                    // Inheriting neither thread-locals nor the context class loader: a worker pins nothing of its
                    // creator.
                    Thread t = new Thread(null, () -> work(index), "distillery-nd4j-" + index, 0, false);
                    t.setContextClassLoader(null);
                    t.setDaemon(true);
                    workers[i] = t;
                    t.start();
                }
            } catch (RuntimeException | Error e) {
                close();
                throw e;
            }
        }

        boolean alive() {
            return !closed && living.get() == workers.length;
        }

        /**
         * @return whether the task was handed to the first worker, which had none or only one that has ended: a
         *     caller woken by the end of one task may lend the next before the worker has cleared the first
         */
        boolean lend(Aside<?> task) {
            Aside<?> held;
            do {
                held = lent.get();
                if (closed || held != null && !held.isDone()) {
                    return false;
                }
            } while (!lent.compareAndSet(held, task)); // the worker may have cleared an ended one meanwhile
            LockSupport.unpark(workers[0]);
            return true;
        }

        /** @return whether no worker is left for jobs */
        boolean allLent() {
            return workers.length == 1 && lent.get() != null;
        }

        boolean tryOwn() {
            return owner.compareAndSet(0, 1);
        }

        void release() {
            owner.set(0);
        }

        void close() {
            closed = true;
            for (Thread t : workers) {
                if (t != null) {
                    LockSupport.unpark(t);
                }
            }
        }

        /** Waits up to {@code millis} for each worker to end. */
        void join(long millis) {
            for (Thread t : workers) {
                try {
                    t.join(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        /** Runs a job on this thread and the workers; parts nobody else claims run here, so workers may be gone. */
        void run(int parts, Part part) {
            Job job = new Job(part, parts);
            current = job;
            for (int i = 0; i < Math.min(workers.length, parts - 1); i++) { // worker i + 1 takes part in this job
                LockSupport.unpark(workers[i]);
            }
            job.claim(0);
            for (int spins = 0; job.done.get() < parts; spins++) {
                if (spins < WAIT_SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield(); // a worker was preempted: leave it the core
                }
            }
            current = null;
            Throwable f = job.failure;
            if (f instanceof RuntimeException r) {
                throw r;
            }
            if (f instanceof Error e) {
                throw e;
            }
            if (f != null) {
                throw new IllegalStateException(f);
            }
        }

        /** @return whether a lent task was there, and ran */
        private boolean runLent() {
            Aside<?> task = lent.get();
            if (task == null) {
                return false;
            }
            try {
                task.run(); // its failure is the future's; nothing if a waiting thread ran it
            } finally {
                lent.compareAndSet(task, null); // unless the next task was lent meanwhile
            }
            return true;
        }

        private void work(int index) {
            Job last = null;
            try {
                while (!closed) {
                    long idleSince = System.nanoTime();
                    Job job;
                    while ((job = current) == null || job == last) {
                        if (index == 1 && !closed && runLent()) {
                            idleSince = System.nanoTime();
                            continue;
                        }
                        long idle = System.nanoTime() - idleSince;
                        if (closed || idle >= IDLE_NANOS) {
                            return;
                        }
                        if (idle < SPIN_NANOS) {
                            Thread.onSpinWait();
                        } else {
                            Thread.interrupted(); // a set interrupt flag would turn parking into spinning
                            LockSupport.parkNanos(this, IDLE_NANOS - idle);
                        }
                    }
                    last = job;
                    if (index < job.parts) {
                        job.claim(index);
                    }
                }
            } finally {
                living.decrementAndGet();
            }
        }
    }
}
