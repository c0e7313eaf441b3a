package io.distillery.data;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Prepares one epoch's batches on the loader's background thread, at most {@code depth} ahead of the caller.
 * A failure is passed through the queue in the batch's place, so the caller gets it on its next take.
 */
final class Prefetch implements BatchSource {
    // How often a caller blocked on an empty queue checks whether the epoch was cancelled under it.
    private static final long POLL_MILLIS = 50;

    private final BlockingQueue<Object> queue;
    private final Future<?> producer;
    private volatile boolean cancelled;

    /**
     * Starts preparing.
     *
     * @param worker the loader's background thread
     * @param maker what prepares a batch
     * @param plan the epoch
     * @param depth how many prepared batches may wait for the caller
     */
    Prefetch(ExecutorService worker, BatchMaker maker, EpochPlan plan, int depth) {
        this.queue = new ArrayBlockingQueue<>(depth);
        this.producer = worker.submit(() -> produce(maker, plan));
    }

    private void produce(BatchMaker maker, EpochPlan plan) {
        try {
            for (int k = 0; k < plan.batches() && !cancelled; k++) {
                Object item;
                try {
                    item = maker.make(plan, k);
                } catch (Throwable t) {
                    // Errors too: otherwise the thread would end and leave the caller waiting for ever.
                    queue.put(new ExecutionException(t));
                    return;
                }
                queue.put(item);
            }
        } catch (InterruptedException e) {
            // Cancelled while waiting for room: nobody will take these batches.
        }
    }

    @Override
    public HostBatch take(int k) throws ExecutionException, InterruptedException {
        Object item;
        while ((item = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS)) == null) {
            if (cancelled) {
                throw new IllegalStateException("the epoch was cancelled while batch " + k + " was awaited");
            }
        }
        if (item instanceof ExecutionException failure) {
            throw failure;
        }
        return (HostBatch) item;
    }

    @Override
    public void cancel() {
        cancelled = true;
        producer.cancel(true);
    }
}
