package io.distillery.data;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.distillery.api.data.Batch;
import io.distillery.api.data.Dataset;
import io.distillery.api.data.Loader;
import io.distillery.api.data.LoaderOptions;
import io.distillery.api.tensor.Tensors;

/**
 * The {@link Loader}: one background thread per loader (none when prefetch is 0), one epoch served at a time.
 * Starting an epoch ends the one before it, so a caller that breaks out of an epoch early loses nothing but
 * the batches prepared ahead.
 */
final class BatchLoader implements Loader {
    // close() waits this long for a batch being prepared to finish; preparing one takes milliseconds.
    private static final long STOP_MILLIS = 10_000;

    private final Dataset dataset;
    private final LoaderOptions options;
    private final Supplier<Tensors> tensors;
    private final BatchMaker maker;
    private final ExecutorService worker;
    private final AtomicLong waitedNanos = new AtomicLong();
    private volatile Thread thread;
    private EpochIterator current;
    private boolean closed;

    /**
     * @param dataset the data set to serve
     * @param options how to serve it
     * @param tensors the factory batches make their tensors with, looked up when a batch is served
     */
    BatchLoader(Dataset dataset, LoaderOptions options, Supplier<Tensors> tensors) {
        this.dataset = dataset;
        this.options = options;
        this.tensors = tensors;
        this.maker = new BatchMaker(dataset, options.transforms());
        this.worker = options.prefetch() == 0 ? null : Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "distillery-loader " + dataset.name());
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    @Override
    public int batchesPerEpoch() {
        int n = dataset.size();
        int b = options.batchSize();
        return options.dropLast() ? n / b : (n + b - 1) / b;
    }

    @Override
    public synchronized Iterator<Batch> epoch(int epoch) {
        if (closed) {
            throw new IllegalStateException("the loader of " + dataset.name() + " is closed");
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must not be negative, got " + epoch);
        }
        if (current != null) {
            current.cancel();
        }
        int[] order = Seeds.identity(dataset.size());
        if (options.shuffle()) {
            Seeds.shuffle(order, Seeds.order(options.seed(), epoch));
        }
        EpochPlan plan = new EpochPlan(epoch, order, options.batchSize(), batchesPerEpoch(),
                Seeds.augmentation(options.seed(), epoch));
        BatchSource source = worker == null ? k -> makeHere(plan, k) : new Prefetch(worker, maker, plan, options.prefetch());
        current = new EpochIterator(dataset, plan, source, tensors, waitedNanos);
        return current;
    }

    private HostBatch makeHere(EpochPlan plan, int k) throws ExecutionException {
        try {
            return maker.make(plan, k);
        } catch (RuntimeException e) {
            throw new ExecutionException(e);
        }
    }

    @Override
    public Duration waited() {
        return Duration.ofNanos(waitedNanos.get());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (current != null) {
            current.cancel();
        }
        if (worker != null) {
            worker.shutdownNow();
            Thread t = thread;
            try {
                // Joined, not just shut down, so that the thread is gone when close() returns.
                if (t != null) {
                    t.join(STOP_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
