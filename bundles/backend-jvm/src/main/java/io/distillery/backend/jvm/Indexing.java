package io.distillery.backend.jvm;

/**
 * Gather along the middle axis of {@code [outer, n, inner]}, and its adjoint scatter-add.
 *
 * <p>Every index is checked before anything is written, so a bad index leaves the output untouched; this
 * matters most for scatter-add, which accumulates. Both run on the calling thread: they move little data and
 * scatter-add's writes may collide.
 */
final class Indexing {
    private Indexing() {
    }

    static void gather(float[] x, int outer, int n, int inner, float[] index, int k, float[] y) {
        check("gather", index, outer, n, inner, k);
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < k; j++) {
                int dst = (o * k + j) * inner;
                for (int i = 0; i < inner; i++) {
                    y[dst + i] = x[(o * n + (int) index[dst + i]) * inner + i];
                }
            }
        }
    }

    static void scatterAdd(float[] dy, int outer, int n, int inner, float[] index, int k, float[] dx) {
        check("scatterAdd", index, outer, n, inner, k);
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < k; j++) {
                int src = (o * k + j) * inner;
                for (int i = 0; i < inner; i++) {
                    dx[(o * n + (int) index[src + i]) * inner + i] += dy[src + i];
                }
            }
        }
    }

    /** @throws IndexOutOfBoundsException naming the first index that is not an integer in {@code [0, n)} */
    private static void check(String kernel, float[] index, int outer, int n, int inner, int k) {
        int count = outer * k * inner;
        for (int at = 0; at < count; at++) {
            float v = index[at];
            if (!(v >= 0 && v < n) || v != (int) v) {
                int i = at % inner;
                int j = at / inner % k;
                int o = at / inner / k;
                throw new IndexOutOfBoundsException(kernel + " index " + format(v) + " at [" + o + ", " + j + ", " + i
                        + "] is not an integer in [0, " + n + ")");
            }
        }
    }

    private static String format(float v) {
        return v == (long) v ? Long.toString((long) v) : Float.toString(v);
    }
}
