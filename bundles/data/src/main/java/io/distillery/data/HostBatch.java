package io.distillery.data;

/**
 * A batch prepared on the host, ready to become tensors: inputs already transformed, labels as floats.
 *
 * @param inputs the examples' values, one after another
 * @param labels each example's label
 * @param indices each example's index in the data set
 */
record HostBatch(float[] inputs, float[] labels, int[] indices) {}
