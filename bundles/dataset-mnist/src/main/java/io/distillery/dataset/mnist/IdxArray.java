package io.distillery.dataset.mnist;

/**
 * The content of an IDX file: its declared sizes and its values, row-major.
 *
 * @param dims the size of each dimension, outermost (the example count) first
 * @param values the unsigned byte values
 */
record IdxArray(int[] dims, byte[] values) {

    /** @return the number of examples: the first dimension */
    int count() {
        return dims[0];
    }
}
