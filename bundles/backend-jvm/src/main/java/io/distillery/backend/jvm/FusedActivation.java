package io.distillery.backend.jvm;

import io.distillery.api.backend.BinaryOp;
import io.distillery.api.backend.UnaryOp;
import io.distillery.api.tensor.Activation;

/**
 * A layer's epilogue and its gradient in one pass each: bias plus activation, and activation derivative times
 * the incoming gradient together with the bias gradient.
 *
 * <p>The ReLU derivative is computed without a branch, as {@code min(max(y, 0) * 2^149, 1)}, which is 1 for
 * every positive float and 0 otherwise: C2 vectorises that loop and not {@code y > 0 ? dy : 0}. The bias
 * gradient is summed in partial sums over a fixed split of the rows, so it does not change with the thread
 * count.
 */
final class FusedActivation {
    /** Rows are shared out once there are this many elements. */
    private static final long GRAIN = Elementwise.GRAIN;
    private static final int PIECE = Elementwise.PIECE;

    private final WorkerPool pool;
    private final Elementwise elementwise;

    FusedActivation(WorkerPool pool, Elementwise elementwise) {
        this.pool = pool;
        this.elementwise = elementwise;
    }

    void biasActivation(float[] x, float[] bias, int outer, int channels, int inner, Activation act, float slope,
            float[] y) {
        UnaryOp op = unaryOp(act);
        int length = Math.multiplyExact(Math.multiplyExact(outer, channels), inner);
        if (bias != null) {
            int[] shape = {outer, channels, inner};
            elementwise.binary(BinaryOp.ADD, x, shape, bias, new int[] {1, channels, 1}, y, shape, op, slope);
        } else if (op != null) {
            elementwise.unary(op, slope, 0f, x, y, length);
        } else if (x != y) {
            System.arraycopy(x, 0, y, 0, length);
        }
    }

    /** @return the unary kernel computing the activation, or {@code null} for the identity */
    private static UnaryOp unaryOp(Activation act) {
        return switch (act) {
            case IDENTITY -> null;
            case RELU -> UnaryOp.RELU;
            case LEAKY_RELU -> UnaryOp.LEAKY_RELU;
            case SIGMOID -> UnaryOp.SIGMOID;
            case TANH -> UnaryOp.TANH;
        };
    }

    void activationBackward(Activation act, float slope, float[] y, float[] dy, int outer, int channels, int inner,
            float[] dx, float[] biasGrad) {
        long length = (long) outer * channels * inner;
        int tasks = WorkerPool.tasks(length, GRAIN, outer);
        float[][] partial = new float[tasks][];
        pool.run(tasks, t -> {
            int first = (int) WorkerPool.start(outer, tasks, t);
            int last = (int) WorkerPool.start(outer, tasks, t + 1);
            partial[t] = inner == 1 ? rowsOfChannels(act, slope, y, dy, channels, first, last, dx, biasGrad != null)
                    : rowsPerChannel(act, slope, y, dy, channels, inner, first, last, dx, biasGrad != null);
        });
        if (biasGrad != null) {
            System.arraycopy(partial[0], 0, biasGrad, 0, channels);
            for (int t = 1; t < tasks; t++) {
                float[] add = partial[t];
                for (int c = 0; c < channels; c++) {
                    biasGrad[c] += add[c];
                }
            }
        }
    }

    /**
     * Rows {@code [first, last)} when every channel has one element per row, as after a dense layer: staged
     * through scratch arrays so that both the derivative and the per-channel sums vectorise.
     *
     * @return the rows' per-channel sums of {@code dx}, or {@code null} when not wanted
     */
    private static float[] rowsOfChannels(Activation act, float slope, float[] y, float[] dy, int channels,
            int first, int last, float[] dx, boolean sum) {
        int pieces = (channels + PIECE - 1) / PIECE;
        float[][] sums = new float[pieces][PIECE];
        float[] stageY = new float[PIECE];
        float[] stageD = new float[PIECE];
        for (int o = first; o < last; o++) {
            for (int piece = 0; piece < pieces; piece++) {
                int from = o * channels + piece * PIECE;
                int length = Math.min(PIECE, channels - piece * PIECE);
                System.arraycopy(y, from, stageY, 0, length);
                System.arraycopy(dy, from, stageD, 0, length);
                derivative(act, slope, stageY, stageD, stageD, 0, length);
                System.arraycopy(stageD, 0, dx, from, length);
                if (sum) {
                    float[] s = sums[piece];
                    for (int j = 0; j < length; j++) {
                        s[j] += stageD[j];
                    }
                }
            }
        }
        if (!sum) {
            return null;
        }
        float[] total = new float[channels];
        for (int piece = 0; piece < pieces; piece++) {
            System.arraycopy(sums[piece], 0, total, piece * PIECE, Math.min(PIECE, channels - piece * PIECE));
        }
        return total;
    }

    /**
     * Rows {@code [first, last)} when each channel is a contiguous run of {@code inner} elements, as after a
     * convolution: the derivative is computed in place and each run summed while it is in the cache.
     *
     * @return the rows' per-channel sums of {@code dx}, or {@code null} when not wanted
     */
    private static float[] rowsPerChannel(Activation act, float slope, float[] y, float[] dy, int channels,
            int inner, int first, int last, float[] dx, boolean sum) {
        double[] sums = new double[channels];
        for (int o = first; o < last; o++) {
            for (int c = 0; c < channels; c++) {
                int from = (o * channels + c) * inner;
                derivative(act, slope, y, dy, dx, from, from + inner);
                if (sum) {
                    sums[c] += Reductions.sum(dx, from, from + inner);
                }
            }
        }
        if (!sum) {
            return null;
        }
        float[] total = new float[channels];
        for (int c = 0; c < channels; c++) {
            total[c] = (float) sums[c];
        }
        return total;
    }

    /** {@code dx[i] = dy[i] * act'(y[i])} for {@code i} in {@code [from, to)}, from the activation's output. */
    static void derivative(Activation act, float slope, float[] y, float[] dy, float[] dx, int from, int to) {
        switch (act) {
            case IDENTITY -> { if (dx != dy) { System.arraycopy(dy, from, dx, from, to - from); } }
            case RELU -> { for (int i = from; i < to; i++) { dx[i] = dy[i] * positive(y[i]); } }
            case LEAKY_RELU -> {
                for (int i = from; i < to; i++) {
                    dx[i] = dy[i] * ((1f - slope) * positive(y[i]) + slope);
                }
            }
            case SIGMOID -> { for (int i = from; i < to; i++) { dx[i] = dy[i] * ((1f - y[i]) * y[i]); } }
            case TANH -> { for (int i = from; i < to; i++) { dx[i] = dy[i] * (1f - y[i] * y[i]); } }
        }
    }

    /** 1 for {@code v > 0}, else 0, without a branch: 2^149 lifts the least positive float to 1. */
    private static float positive(float v) {
        return Math.min(Math.max(v, 0f) * 0x1p127f * 0x1p22f, 1f);
    }
}
