package io.distillery.backend.nd4j;

import static io.distillery.backend.nd4j.Scratch.CHUNK;

import io.distillery.api.backend.UnaryOp;
import io.distillery.api.tensor.Activation;

import java.nio.FloatBuffer;

/**
 * A layer's epilogue and its gradient, one pass through memory each: bias plus activation, and the activation's
 * derivative times the incoming gradient together with the bias gradient.
 *
 * <p>After a dense layer ({@code inner == 1}) a row holds one element per channel, so the bias and the bias
 * gradient are arrays lined up with the row's chunks; after a convolution each channel is a run of
 * {@code inner} elements sharing one bias value. The ReLU derivative is computed without a branch, as
 * {@code min(max(y, 0) * 2^149, 1)}: 1 for every positive float and 0 otherwise, in a loop C2 vectorises.
 */
final class FusedActivation {
    /** How many partial bias gradients a long backward pass sums in. */
    private static final int PARTIALS = 4;

    private FusedActivation() {
    }

    static void biasActivation(FloatBuffer x, FloatBuffer bias, int outer, int channels, int inner, Activation act,
            float slope, FloatBuffer y) {
        float[] b = bias == null ? null : staged(bias, channels);
        int runs = runs(outer, channels, inner);
        Workers.ranges(runs, (long) outer * channels * inner, (first, last) -> {
            float[] s = Scratch.chunk(0);
            eachChunk(first, last, channels, inner, (at, channel, n) -> {
                x.get(at, s, 0, n);
                if (b != null && inner == 1) {
                    for (int i = 0; i < n; i++) {
                        s[i] += b[channel + i];
                    }
                } else if (b != null) {
                    float add = b[channel];
                    for (int i = 0; i < n; i++) {
                        s[i] += add;
                    }
                }
                activate(act, slope, s, n);
                y.put(at, s, 0, n);
            });
        });
    }

    /**
     * The bias gradient is summed in a fixed number of partial sums over consecutive runs, whatever the number of
     * threads, and the partials are added in order.
     */
    static void activationBackward(Activation act, float slope, FloatBuffer y, FloatBuffer dy, int outer,
            int channels, int inner, FloatBuffer dx, FloatBuffer biasGrad) {
        int runs = runs(outer, channels, inner);
        int parts = (long) outer * channels * inner < Workers.SPLIT_ELEMENTS ? 1 : Math.min(PARTIALS, runs);
        double[][] sums = biasGrad == null ? null : new double[parts][channels];
        Workers.run(parts, (part, worker) -> {
            float[] ys = Scratch.chunk(0);
            float[] ds = Scratch.chunk(1);
            double[] partial = sums == null ? null : sums[part];
            int first = (int) ((long) runs * part / parts);
            int last = (int) ((long) runs * (part + 1) / parts);
            eachChunk(first, last, channels, inner, (at, channel, n) -> {
                y.get(at, ys, 0, n);
                dy.get(at, ds, 0, n);
                derivative(act, slope, ys, ds, n);
                dx.put(at, ds, 0, n);
                if (partial != null && inner == 1) {
                    for (int i = 0; i < n; i++) {
                        partial[channel + i] += ds[i];
                    }
                } else if (partial != null) {
                    partial[channel] += Reductions.sum(ds, n);
                }
            });
        });
        if (sums != null) {
            float[] total = Scratch.get(4, channels);
            for (int c = 0; c < channels; c++) {
                double t = 0;
                for (double[] partial : sums) {
                    t += partial[c];
                }
                total[c] = (float) t;
            }
            biasGrad.put(0, total, 0, channels);
        }
    }

    /** A chunk of a layer's output: {@code n} elements from {@code at}, the first of them in {@code channel}. */
    private interface Chunk {
        void run(int at, int channel, int n);
    }

    /** @return the number of runs: rows of a dense layer, or one per channel of each image after a convolution */
    private static int runs(int outer, int channels, int inner) {
        return inner == 1 ? outer : outer * channels;
    }

    /**
     * Visits every element of runs {@code [first, last)} in chunks that stay within one row (dense) or one
     * channel's run (convolution).
     */
    private static void eachChunk(int first, int last, int channels, int inner, Chunk chunk) {
        int run = inner == 1 ? channels : inner;
        for (int r = first; r < last; r++) {
            for (int from = 0; from < run; from += CHUNK) {
                chunk.run(r * run + from, inner == 1 ? from : r % channels, Math.min(CHUNK, run - from));
            }
        }
    }

    /** @return {@code length} elements of the buffer, copied to a scratch array of the calling thread */
    private static float[] staged(FloatBuffer buffer, int length) {
        float[] s = Scratch.get(3, length);
        buffer.get(0, s, 0, length);
        return s;
    }

    private static void activate(Activation act, float slope, float[] s, int n) {
        switch (act) {
            case IDENTITY -> { }
            case RELU -> Functions.unary(UnaryOp.RELU, 0f, 0f, s, s, n);
            case LEAKY_RELU -> Functions.unary(UnaryOp.LEAKY_RELU, slope, 0f, s, s, n);
            case SIGMOID -> Functions.unary(UnaryOp.SIGMOID, 0f, 0f, s, s, n);
            case TANH -> Functions.unary(UnaryOp.TANH, 0f, 0f, s, s, n);
        }
    }

    /** {@code d[i] *= act'(y[i])} for {@code i < n}, from the activation's output. */
    private static void derivative(Activation act, float slope, float[] y, float[] d, int n) {
        switch (act) {
            case IDENTITY -> { }
            case RELU -> { for (int i = 0; i < n; i++) { d[i] *= positive(y[i]); } }
            case LEAKY_RELU -> { for (int i = 0; i < n; i++) { d[i] *= (1f - slope) * positive(y[i]) + slope; } }
            case SIGMOID -> { for (int i = 0; i < n; i++) { d[i] *= (1f - y[i]) * y[i]; } }
            case TANH -> { for (int i = 0; i < n; i++) { d[i] *= 1f - y[i] * y[i]; } }
        }
    }

    /** 1 for {@code v > 0}, else 0, without a branch: 2^149 lifts the least positive float to at least 1. */
    private static float positive(float v) {
        return Math.min(Math.max(v, 0f) * 0x1p127f * 0x1p22f, 1f);
    }
}
