package io.distillery.data;

/**
 * What one epoch serves: the examples in order, cut into batches, and the key their augmentations derive from.
 *
 * @param epoch the 0-based epoch
 * @param order the examples' indices in the order they are served
 * @param batchSize examples per batch; the last batch may be smaller
 * @param batches the number of batches served, which leaves out a last short batch when it is dropped
 * @param augmentation the key each example's augmentation generator is derived from, with the example's index
 */
record EpochPlan(int epoch, int[] order, int batchSize, int batches, long augmentation) {

    /** @param k a batch @return the position in {@link #order} of its first example */
    int from(int k) {
        return k * batchSize;
    }

    /** @param k a batch @return its number of examples */
    int sizeOf(int k) {
        return Math.min(batchSize, order.length - from(k));
    }
}
