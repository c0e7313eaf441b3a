package io.distillery.backend.nd4j;

import static io.distillery.backend.nd4j.Scratch.CHUNK;

import io.distillery.api.backend.ReduceOp;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Reductions along the middle axis of {@code [outer, n, inner]}.
 *
 * <p>With {@code inner == 1} each output reduces one contiguous row, read a chunk at a time; otherwise a chunk
 * of neighbouring outputs reduces whole rows of the chunk's width, so the combining loop runs over arrays and
 * vectorises. Sums accumulate in double along a contiguous row and in float across rows.
 */
final class Reductions {
    private Reductions() {
    }

    static void reduce(ReduceOp op, FloatBuffer x, int outer, int n, int inner, FloatBuffer y) {
        if (n < 1) {
            throw new IllegalArgumentException("reduce " + op + " needs a reduced axis of at least 1, got " + n);
        }
        long elements = (long) outer * n * inner;
        if (inner == 1) {
            Workers.ranges(outer, elements, (first, last) -> {
                float[] results = Scratch.chunk(2);
                for (int o = first; o < last; o += CHUNK) {
                    int count = Math.min(CHUNK, last - o);
                    for (int i = 0; i < count; i++) {
                        results[i] = reduceRow(op, x, (o + i) * n, n);
                    }
                    y.put(o, results, 0, count);
                }
            });
            return;
        }
        int chunks = (inner + CHUNK - 1) / CHUNK;
        Workers.ranges(outer * chunks, elements, (first, last) -> {
            for (int c = first; c < last; c++) {
                int o = c / chunks;
                int i0 = c % chunks * CHUNK;
                int width = Math.min(CHUNK, inner - i0);
                float[] acc = reduceColumns(op, x, o * n * inner + i0, n, inner, width);
                y.put(o * inner + i0, acc, 0, width);
            }
        });
    }

    /** @return the reduction of the {@code n} contiguous elements from {@code from} */
    private static float reduceRow(ReduceOp op, FloatBuffer x, int from, int n) {
        float[] s = Scratch.chunk(0);
        double sum = 0;
        float best = x.get(from);
        int at = 0;
        for (int j0 = 0; j0 < n; j0 += CHUNK) {
            int len = Math.min(CHUNK, n - j0);
            x.get(from + j0, s, 0, len);
            switch (op) {
                case SUM -> sum += sum(s, len);
                case MAX, ARGMAX -> {
                    for (int j = 0; j < len; j++) {
                        if (s[j] > best) {
                            best = s[j];
                            at = j0 + j;
                        }
                    }
                }
                case MIN -> {
                    for (int j = 0; j < len; j++) {
                        best = Math.min(best, s[j]);
                    }
                }
            }
        }
        return switch (op) {
            case SUM -> (float) sum;
            case ARGMAX -> at;
            case MAX, MIN -> best;
        };
    }

    /**
     * Reduces {@code width} columns {@code inner} apart over {@code n} rows.
     *
     * @return a scratch array holding the {@code width} results
     */
    private static float[] reduceColumns(ReduceOp op, FloatBuffer x, int from, int n, int inner, int width) {
        float[] acc = Scratch.chunk(0);
        float[] row = Scratch.chunk(1);
        float[] index = Scratch.chunk(2);
        x.get(from, acc, 0, width);
        Arrays.fill(index, 0, width, 0f);
        for (int j = 1; j < n; j++) {
            x.get(from + j * inner, row, 0, width);
            switch (op) {
                case SUM -> { for (int i = 0; i < width; i++) { acc[i] += row[i]; } }
                case MAX -> { for (int i = 0; i < width; i++) { acc[i] = Math.max(acc[i], row[i]); } }
                case MIN -> { for (int i = 0; i < width; i++) { acc[i] = Math.min(acc[i], row[i]); } }
                case ARGMAX -> {
                    for (int i = 0; i < width; i++) {
                        if (row[i] > acc[i]) {
                            acc[i] = row[i];
                            index[i] = j;
                        }
                    }
                }
            }
        }
        return op == ReduceOp.ARGMAX ? index : acc;
    }

    /**
     * Sums {@code s[0, n)} in double with four independent accumulators, so that each addition need not wait for
     * the one before.
     *
     * @return the sum
     */
    static double sum(float[] s, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += s[i];
            s1 += s[i + 1];
            s2 += s[i + 2];
            s3 += s[i + 3];
        }
        for (; i < n; i++) {
            s0 += s[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
