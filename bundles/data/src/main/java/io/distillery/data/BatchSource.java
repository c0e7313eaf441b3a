package io.distillery.data;

import java.util.concurrent.ExecutionException;

/** Where an epoch's prepared batches come from: made on the spot, or taken from a background thread. */
interface BatchSource {

    /**
     * @param k the batch, taken in order from 0
     * @return the prepared batch
     * @throws ExecutionException if preparing it failed, with the original failure as cause
     * @throws InterruptedException if the caller was interrupted while waiting
     */
    HostBatch take(int k) throws ExecutionException, InterruptedException;

    /** Stops preparing batches ahead; nothing is taken afterwards. */
    default void cancel() {}
}
