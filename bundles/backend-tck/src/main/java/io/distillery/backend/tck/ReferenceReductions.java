package io.distillery.backend.tck;

import io.distillery.api.backend.ReduceOp;

/**
 * The specification of the kernels that work along the middle axis of {@code [outer, n, inner]}: reductions,
 * softmax, gather and scatter-add, in double precision.
 */
final class ReferenceReductions {
    private ReferenceReductions() {
    }

    static Expected reduce(ReduceOp op, float[] x, int outer, int n, int inner) {
        double[] y = new double[outer * inner];
        double[] scale = new double[y.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int best = 0;
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    float v = x[(o * n + j) * inner + i];
                    float b = x[(o * n + best) * inner + i];
                    if (op == ReduceOp.MIN ? v < b : v > b) {
                        best = j;
                    }
                    sum += v;
                    scale[o * inner + i] += Math.abs(v);
                }
                y[o * inner + i] = switch (op) {
                    case SUM -> sum;
                    case MAX, MIN -> x[(o * n + best) * inner + i];
                    case ARGMAX -> best;
                };
            }
        }
        return new Expected(y, scale);
    }

    /** Softmax or log-softmax; scales as {@link Tolerances#softmax} wants them. */
    static Expected softmax(float[] x, int outer, int n, int inner, boolean log) {
        double[] y = new double[x.length];
        double[] scale = new double[x.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    max = Math.max(max, x[(o * n + j) * inner + i]);
                }
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += Math.exp(x[(o * n + j) * inner + i] - max);
                }
                for (int j = 0; j < n; j++) {
                    int at = (o * n + j) * inner + i;
                    double shifted = x[at] - max;
                    y[at] = log ? shifted - Math.log(sum) : Math.exp(shifted) / sum;
                    scale[at] = log ? Math.abs(Math.log(sum)) + 1 : y[at];
                }
            }
        }
        return new Expected(y, scale);
    }

    static Expected gather(float[] x, int outer, int n, int inner, float[] index, int k) {
        double[] y = new double[outer * k * inner];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < inner; i++) {
                    int at = (o * k + j) * inner + i;
                    y[at] = x[(o * n + (int) index[at]) * inner + i];
                }
            }
        }
        return Expected.of(y);
    }

    /** Scatter-add onto {@code dx}'s old contents. */
    static Expected scatterAdd(float[] dy, int outer, int n, int inner, float[] index, int k, float[] dx) {
        double[] y = new double[dx.length];
        double[] scale = new double[dx.length];
        for (int at = 0; at < dx.length; at++) {
            y[at] = dx[at];
            scale[at] = Math.abs(dx[at]);
        }
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < inner; i++) {
                    int from = (o * k + j) * inner + i;
                    int to = (o * n + (int) index[from]) * inner + i;
                    y[to] += dy[from];
                    scale[to] += Math.abs(dy[from]);
                }
            }
        }
        return new Expected(y, scale);
    }
}
