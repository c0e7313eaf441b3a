package io.distillery.backend.nd4j;

import java.nio.FloatBuffer;

/**
 * Gather along the middle axis of {@code [outer, n, inner]}, and its adjoint scatter-add.
 *
 * <p>The indices are copied to the heap and every one is checked before anything is written, so a bad index
 * leaves the output untouched; that matters most for scatter-add, which accumulates. Both move little data
 * (class labels, picked logits) and use single-element access for the picks.
 */
final class Indexing {
    private Indexing() {
    }

    static void gather(FloatBuffer x, int outer, int n, int inner, FloatBuffer index, int k, FloatBuffer y) {
        float[] at = indices("gather", index, outer, n, inner, k);
        float[] picked = Scratch.get(1, outer * k * inner);
        for (int o = 0, p = 0; o < outer; o++) {
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < inner; i++, p++) {
                    picked[p] = x.get((o * n + (int) at[p]) * inner + i);
                }
            }
        }
        y.put(0, picked, 0, outer * k * inner);
    }

    static void scatterAdd(FloatBuffer dy, int outer, int n, int inner, FloatBuffer index, int k, FloatBuffer dx) {
        float[] at = indices("scatterAdd", index, outer, n, inner, k);
        float[] d = Scratch.get(1, outer * k * inner);
        dy.get(0, d, 0, outer * k * inner);
        for (int o = 0, p = 0; o < outer; o++) {
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < inner; i++, p++) {
                    int target = (o * n + (int) at[p]) * inner + i;
                    dx.put(target, dx.get(target) + d[p]);
                }
            }
        }
    }

    /**
     * @return the {@code outer * k * inner} indices in a scratch array
     * @throws IndexOutOfBoundsException naming the first index that is not an integer in {@code [0, n)}
     */
    private static float[] indices(String kernel, FloatBuffer index, int outer, int n, int inner, int k) {
        int count = outer * k * inner;
        float[] at = Scratch.get(0, count);
        index.get(0, at, 0, count);
        for (int p = 0; p < count; p++) {
            float v = at[p];
            if (!(v >= 0 && v < n) || v != (int) v) {
                throw new IndexOutOfBoundsException(kernel + " index " + (v == (long) v ? Long.toString((long) v)
                        : Float.toString(v)) + " at [" + p / inner / k + ", " + p / inner % k + ", " + p % inner
                        + "] is not an integer in [0, " + n + ")");
            }
        }
        return at;
    }
}
