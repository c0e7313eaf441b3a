package io.distillery.api.data;

import java.util.List;

/**
 * How a {@link Loader} serves a data set.
 *
 * @param batchSize examples per batch
 * @param shuffle whether each epoch visits the examples in a new random order
 * @param dropLast whether a last, smaller batch is dropped
 * @param transforms applied in order to each example's input, on the loader's background thread
 * @param seed the seed of the order and of the transforms' randomness: one seed gives one sequence
 * @param prefetch batches prepared ahead on the background thread; 0 prepares them on the caller's thread
 */
public record LoaderOptions(int batchSize, boolean shuffle, boolean dropLast, List<Transform> transforms, long seed,
        int prefetch) {

    /** @throws IllegalArgumentException on a batch size below 1 or a negative prefetch */
    public LoaderOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (prefetch < 0) {
            throw new IllegalArgumentException("prefetch must not be negative, got " + prefetch);
        }
        transforms = List.copyOf(transforms);
    }

    /**
     * @param batchSize examples per batch
     * @param seed the seed
     * @return shuffled batches, the last smaller one kept, no transforms, two batches prefetched
     */
    public static LoaderOptions training(int batchSize, long seed) {
        return new LoaderOptions(batchSize, true, false, List.of(), seed, 2);
    }

    /**
     * @param batchSize examples per batch
     * @return batches in order, the last smaller one kept, no transforms, two batches prefetched
     */
    public static LoaderOptions evaluation(int batchSize) {
        return new LoaderOptions(batchSize, false, false, List.of(), 0, 2);
    }

    /** @param transforms the transforms @return these options with them */
    public LoaderOptions withTransforms(List<Transform> transforms) {
        return new LoaderOptions(batchSize, shuffle, dropLast, transforms, seed, prefetch);
    }
}
