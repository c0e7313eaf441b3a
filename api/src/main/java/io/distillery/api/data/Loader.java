package io.distillery.api.data;

import java.time.Duration;
import java.util.Iterator;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Serves a data set as batches, epoch after epoch: shuffled, transformed and converted to floats on a
 * background thread, turned into tensors on the caller's thread inside the caller's open scope.
 *
 * <pre>{@code
 * try (Loader loader = pipeline.loader(train, LoaderOptions.training(128, seed))) {
 *     for (int epoch = 0; epoch < epochs; epoch++) {
 *         for (Iterator<Batch> it = loader.epoch(epoch); it.hasNext(); ) {
 *             try (Scope step = tensors.scope()) {
 *                 Batch batch = it.next();   // its tensors belong to this step's scope
 *                 ...
 *             }
 *         }
 *     }
 * }
 * }</pre>
 *
 * The order and augmentations of epoch {@code e} depend only on the seed and {@code e}, so a resumed run
 * sees exactly what an uninterrupted one would. Made by {@link DataPipeline#loader}; implemented by the
 * data pipeline bundle.
 */
@ProviderType
public interface Loader extends AutoCloseable {

    /** @return the number of batches one epoch yields */
    int batchesPerEpoch();

    /**
     * @param epoch the 0-based epoch, which with the seed fixes the order and augmentations
     * @return the epoch's batches; a batch's tensors belong to the scope open when they are first used
     */
    Iterator<Batch> epoch(int epoch);

    /**
     * @return the total time {@code next()} callers have waited for batches: for the background thread, or, with
     *         prefetch 0, for the preparation done on their own thread
     */
    Duration waited();

    /** Stops the background thread. */
    @Override
    void close();
}
