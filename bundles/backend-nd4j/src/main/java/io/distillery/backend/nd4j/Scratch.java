package io.distillery.backend.nd4j;

/**
 * Per-thread {@code float[]} work arrays that kernels copy chunks of native buffers into, compute on, and copy
 * back from.
 *
 * <p>Java 17 compiles loops over plain arrays into vector instructions but leaves per-element {@code FloatBuffer}
 * or {@code Unsafe} access scalar; a bulk copy into an array and back costs two passes through the L1 cache and
 * buys the vectorised loop. Arrays are reused, one set per thread (kernels may run on several threads at once),
 * and hold only JDK types, so no class of this bundle is pinned by a thread that outlives it.
 */
final class Scratch {
    /** Elements per chunk: a few chunk arrays fit in a 32 KiB L1 data cache together. */
    static final int CHUNK = 2048;
    /** The number of independent arrays a kernel may hold at once. */
    private static final int SLOTS = 6;
    /**
     * Arrays larger than this (16 MiB, the column matrix of one large image) are allocated for the call and not
     * kept: a rare huge one should not stay.
     */
    private static final int KEEP_LIMIT = 1 << 22;

    private static final ThreadLocal<float[][]> ARRAYS = new ThreadLocal<>();

    private Scratch() {
    }

    /**
     * @param slot which of this thread's arrays, in {@code [0, 6)}
     * @param length the elements needed
     * @return an array of at least {@code length} elements with unspecified contents
     */
    static float[] get(int slot, int length) {
        float[][] arrays = ARRAYS.get();
        if (arrays == null) {
            arrays = new float[SLOTS][];
            ARRAYS.set(arrays);
        }
        float[] array = arrays[slot];
        if (array == null || array.length < length) {
            array = new float[Math.max(length, CHUNK)];
            if (length <= KEEP_LIMIT) {
                arrays[slot] = array;
            }
        }
        return array;
    }

    /**
     * @param slot which of this thread's arrays
     * @return a chunk-sized array
     */
    static float[] chunk(int slot) {
        return get(slot, CHUNK);
    }
}
