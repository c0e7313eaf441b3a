package io.distillery.backend.jvm;

import io.distillery.api.backend.ReduceOp;

/**
 * Reductions and softmax along the middle axis of {@code [outer, n, inner]}.
 *
 * <p>With {@code inner == 1} each output reduces a contiguous row; otherwise a block of outputs reduces whole
 * rows of length {@code inner} at a time, staged into scratch arrays so that the combining loop vectorises.
 * Sums accumulate in double along rows and in float across them.
 */
final class Reductions {
    private static final long GRAIN = Elementwise.GRAIN;
    private static final int PIECE = Elementwise.PIECE;

    private final WorkerPool pool;

    Reductions(WorkerPool pool) {
        this.pool = pool;
    }

    void reduce(ReduceOp op, float[] x, int outer, int n, int inner, float[] y) {
        if (n < 1) {
            throw new IllegalArgumentException("reduce " + op + " needs a reduced axis of at least 1, got " + n);
        }
        int pieces = (inner + PIECE - 1) / PIECE;
        long items = (long) outer * pieces;
        int tasks = WorkerPool.tasks(items * n * Math.min(inner, PIECE), GRAIN, items);
        pool.run(tasks, t -> {
            float[] acc = new float[Math.min(inner, PIECE)];
            float[] row = new float[acc.length];
            for (long item = WorkerPool.start(items, tasks, t); item < WorkerPool.start(items, tasks, t + 1); item++) {
                int o = (int) (item / pieces);
                if (inner == 1) {
                    y[o] = reduceRow(op, x, o * n, n);
                } else {
                    int i0 = (int) (item % pieces) * PIECE;
                    reduceColumns(op, x, o * n * inner + i0, n, inner, Math.min(PIECE, inner - i0), acc, row);
                    System.arraycopy(acc, 0, y, o * inner + i0, Math.min(PIECE, inner - i0));
                }
            }
        });
    }

    /** Reduces {@code x[from, from + n)}. */
    private static float reduceRow(ReduceOp op, float[] x, int from, int n) {
        switch (op) {
            case SUM -> {
                return (float) sum(x, from, from + n);
            }
            case MAX, MIN, ARGMAX -> {
                float best = x[from];
                int at = 0;
                for (int j = 1; j < n; j++) {
                    float v = x[from + j];
                    if (op == ReduceOp.MIN ? v < best : v > best) {
                        best = v;
                        at = j;
                    }
                }
                return op == ReduceOp.ARGMAX ? at : best;
            }
            default -> throw new IllegalArgumentException("unknown reduction " + op);
        }
    }

    /**
     * Sums {@code x[from, to)} in double with four independent accumulators: one accumulator would wait for
     * each addition to finish before starting the next.
     *
     * @return the sum
     */
    static double sum(float[] x, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += x[i];
            s1 += x[i + 1];
            s2 += x[i + 2];
            s3 += x[i + 3];
        }
        for (; i < to; i++) {
            s0 += x[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Reduces {@code length} columns {@code inner} apart over {@code n} rows into {@code acc}, staging each row
     * through {@code row}.
     */
    private static void reduceColumns(ReduceOp op, float[] x, int from, int n, int inner, int length,
            float[] acc, float[] row) {
        System.arraycopy(x, from, acc, 0, length);
        if (op == ReduceOp.ARGMAX) {
            float[] index = new float[length];
            for (int j = 1; j < n; j++) {
                System.arraycopy(x, from + j * inner, row, 0, length);
                for (int i = 0; i < length; i++) {
                    if (row[i] > acc[i]) {
                        acc[i] = row[i];
                        index[i] = j;
                    }
                }
            }
            System.arraycopy(index, 0, acc, 0, length);
            return;
        }
        for (int j = 1; j < n; j++) {
            System.arraycopy(x, from + j * inner, row, 0, length);
            switch (op) {
                case SUM -> { for (int i = 0; i < length; i++) { acc[i] += row[i]; } }
                case MAX -> { for (int i = 0; i < length; i++) { acc[i] = Math.max(acc[i], row[i]); } }
                case MIN -> { for (int i = 0; i < length; i++) { acc[i] = Math.min(acc[i], row[i]); } }
                default -> throw new IllegalArgumentException("unknown reduction " + op);
            }
        }
    }

    void softmax(float[] x, int outer, int n, int inner, boolean log, float[] y) {
        long columns = (long) outer * inner;
        int tasks = WorkerPool.tasks(columns * n * 8, GRAIN, columns); // an exp costs several streaming elements
        pool.run(tasks, t -> {
            for (long col = WorkerPool.start(columns, tasks, t); col < WorkerPool.start(columns, tasks, t + 1); col++) {
                int o = (int) (col / inner);
                int from = o * n * inner + (int) (col % inner);
                softmaxColumn(x, from, n, inner, log, y);
            }
        });
    }

    /** Softmax of {@code n} elements {@code step} apart, shifted by their maximum so that exp cannot overflow. */
    private static void softmaxColumn(float[] x, int from, int n, int step, boolean log, float[] y) {
        int end = from + n * step;
        float max = Float.NEGATIVE_INFINITY;
        for (int j = from; j < end; j += step) {
            max = Math.max(max, x[j]);
        }
        double sum = 0;
        if (log) {
            for (int j = from; j < end; j += step) {
                sum += Math.exp((double) x[j] - max);
            }
            double shift = max + Math.log(sum);
            for (int j = from; j < end; j += step) {
                y[j] = (float) (x[j] - shift);
            }
        } else {
            for (int j = from; j < end; j += step) {
                float e = (float) Math.exp((double) x[j] - max);
                y[j] = e;
                sum += e;
            }
            float scale = (float) (1 / sum);
            for (int j = from; j < end; j += step) {
                y[j] *= scale;
            }
        }
    }
}
