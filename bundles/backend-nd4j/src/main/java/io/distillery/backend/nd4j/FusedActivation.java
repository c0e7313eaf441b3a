package io.distillery.backend.nd4j;

import static io.distillery.backend.nd4j.Scratch.CHUNK;

import io.distillery.api.backend.UnaryOp;
import io.distillery.api.tensor.Activation;

import java.nio.FloatBuffer;
import java.util.Arrays;

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
    private FusedActivation() {
    }

    static void biasActivation(FloatBuffer x, FloatBuffer bias, int outer, int channels, int inner, Activation act,
            float slope, FloatBuffer y) {
        float[] b = bias == null ? null : staged(bias, channels, 3);
        float[] s = Scratch.chunk(0);
        eachChunk(outer, channels, inner, (at, channel, n) -> {
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
    }

    static void activationBackward(Activation act, float slope, FloatBuffer y, FloatBuffer dy, int outer,
            int channels, int inner, FloatBuffer dx, FloatBuffer biasGrad) {
        float[] ys = Scratch.chunk(0);
        float[] ds = Scratch.chunk(1);
        double[] sums = biasGrad == null ? null : new double[channels];
        float[] rowSums = biasGrad != null && inner == 1 ? Scratch.get(4, channels) : null;
        if (rowSums != null) {
            Arrays.fill(rowSums, 0, channels, 0f);
        }
        eachChunk(outer, channels, inner, (at, channel, n) -> {
            y.get(at, ys, 0, n);
            dy.get(at, ds, 0, n);
            derivative(act, slope, ys, ds, n);
            dx.put(at, ds, 0, n);
            if (rowSums != null) {
                for (int i = 0; i < n; i++) {
                    rowSums[channel + i] += ds[i];
                }
            } else if (sums != null) {
                sums[channel] += Reductions.sum(ds, n);
            }
        });
        if (rowSums != null) {
            biasGrad.put(0, rowSums, 0, channels);
        } else if (sums != null) {
            float[] total = Scratch.get(4, channels);
            for (int c = 0; c < channels; c++) {
                total[c] = (float) sums[c];
            }
            biasGrad.put(0, total, 0, channels);
        }
    }

    /** A chunk of a layer's output: {@code n} elements from {@code at}, the first of them in {@code channel}. */
    private interface Chunk {
        void run(int at, int channel, int n);
    }

    /** Visits every element in chunks that stay within one row (dense) or one channel's run (convolution). */
    private static void eachChunk(int outer, int channels, int inner, Chunk chunk) {
        int run = inner == 1 ? channels : inner;
        int runs = inner == 1 ? outer : outer * channels;
        for (int r = 0; r < runs; r++) {
            for (int from = 0; from < run; from += CHUNK) {
                chunk.run(r * run + from, inner == 1 ? from : r % channels, Math.min(CHUNK, run - from));
            }
        }
    }

    /** @return {@code length} elements of the buffer copied to scratch array {@code slot} */
    private static float[] staged(FloatBuffer buffer, int length, int slot) {
        float[] s = Scratch.get(slot, length);
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
