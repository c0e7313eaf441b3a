package io.distillery.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.distillery.api.data.Batch;
import io.distillery.api.data.Dataset;
import io.distillery.api.tensor.Tensors;

/**
 * One epoch's batches as the caller sees them: counts what it has served, adds the time {@code next()}
 * blocks to the loader's waiting time, and turns a failed batch into an exception that names the data set,
 * epoch and batch and carries the original failure as its cause.
 */
final class EpochIterator implements Iterator<Batch> {
    private final Dataset dataset;
    private final EpochPlan plan;
    private final BatchSource source;
    private final Supplier<Tensors> tensors;
    private final AtomicLong waitedNanos;
    private int served;
    private RuntimeException failure;
    private volatile boolean cancelled;

    EpochIterator(Dataset dataset, EpochPlan plan, BatchSource source, Supplier<Tensors> tensors, AtomicLong waitedNanos) {
        this.dataset = dataset;
        this.plan = plan;
        this.source = source;
        this.tensors = tensors;
        this.waitedNanos = waitedNanos;
    }

    @Override
    public boolean hasNext() {
        return served < plan.batches();
    }

    @Override
    public Batch next() {
        if (cancelled) {
            throw new IllegalStateException("epoch " + plan.epoch() + " of " + dataset.name()
                    + " was ended by a later epoch() or by close()");
        }
        if (failure != null) {
            throw failure;
        }
        if (!hasNext()) {
            throw new NoSuchElementException("epoch " + plan.epoch() + " of " + dataset.name() + " has only "
                    + plan.batches() + " batches");
        }
        Tensors factory = tensors.get();
        long start = System.nanoTime();
        try {
            HostBatch host = source.take(served);
            served++;
            return new LazyBatch(host, dataset.inputShape(), factory);
        } catch (ExecutionException e) {
            failure = new IllegalStateException("preparing batch " + served + " of epoch " + plan.epoch() + " of "
                    + dataset.name() + " failed: " + e.getCause(), e.getCause());
            throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for batch " + served + " of " + dataset.name(), e);
        } finally {
            waitedNanos.addAndGet(System.nanoTime() - start);
        }
    }

    /** Ends the epoch early: stops its background work; {@code next()} fails afterwards. */
    void cancel() {
        cancelled = true;
        source.cancel();
    }
}
