package io.distillery.backend.nd4j;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Softmax and log-softmax along the middle axis of {@code [outer, n, inner]}, shifted by the maximum so that
 * exp cannot overflow.
 *
 * <p>A block of neighbouring columns, all {@code n} rows of them, is copied into a scratch array at once, so
 * the three passes (maximum, exponentials and their sum, normalisation) read the native buffer once and every
 * pass loops over a plain array. Exponentials and sums are taken in double.
 */
final class Softmax {
    /** The most elements of one block; a row longer than this is a block of one column. */
    private static final int BLOCK = 1 << 16;

    private Softmax() {
    }

    static void softmax(FloatBuffer x, int outer, int n, int inner, boolean log, FloatBuffer y) {
        int width = Math.max(1, Math.min(inner, BLOCK / Math.max(n, 1)));
        float[] block = Scratch.get(0, n * width);
        float[] max = Scratch.get(1, width);
        double[] sum = new double[width];
        for (int o = 0; o < outer; o++) {
            for (int i0 = 0; i0 < inner; i0 += width) {
                int w = Math.min(width, inner - i0);
                int from = o * n * inner + i0;
                transfer(x, from, inner, block, n, w, true);
                normalise(block, n, w, log, max, sum);
                transfer(y, from, inner, block, n, w, false);
            }
        }
    }

    /** Copies {@code n} rows of {@code w} elements, {@code stride} apart in the buffer, from or to the block. */
    private static void transfer(FloatBuffer buffer, int from, int stride, float[] block, int n, int w, boolean in) {
        if (w == stride) {
            if (in) {
                buffer.get(from, block, 0, n * w);
            } else {
                buffer.put(from, block, 0, n * w);
            }
            return;
        }
        for (int j = 0; j < n; j++) {
            if (in) {
                buffer.get(from + j * stride, block, j * w, w);
            } else {
                buffer.put(from + j * stride, block, j * w, w);
            }
        }
    }

    /** Normalises each of the {@code w} columns of the {@code n x w} block in place. */
    private static void normalise(float[] block, int n, int w, boolean log, float[] max, double[] sum) {
        System.arraycopy(block, 0, max, 0, w);
        for (int j = 1; j < n; j++) {
            for (int i = 0; i < w; i++) {
                max[i] = Math.max(max[i], block[j * w + i]);
            }
        }
        Arrays.fill(sum, 0, w, 0);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < w; i++) {
                double e = Math.exp((double) block[j * w + i] - max[i]);
                sum[i] += e;
                if (!log) {
                    block[j * w + i] = (float) e;
                }
            }
        }
        for (int i = 0; i < w; i++) {
            sum[i] = log ? max[i] + Math.log(sum[i]) : 1 / sum[i];
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < w; i++) {
                block[j * w + i] = log ? (float) (block[j * w + i] - sum[i]) : (float) (block[j * w + i] * sum[i]);
            }
        }
    }
}
