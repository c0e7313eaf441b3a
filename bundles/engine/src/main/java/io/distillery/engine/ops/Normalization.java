package io.distillery.engine.ops;

import io.distillery.api.backend.BinaryOp;
import io.distillery.api.backend.UnaryOp;
import io.distillery.engine.core.EngineParameter;
import io.distillery.engine.core.EngineTensor;

/**
 * Batch normalisation (Ioffe and Szegedy 2015) over axis 1 of {@code [batch, channels, ...]}, composed from
 * differentiable operations; the running statistics are updated in place outside the tape.
 */
public final class Normalization {
    private Normalization() {
    }

    /**
     * The state of one batch-norm layer.
     *
     * @param gamma per-channel scale
     * @param beta per-channel shift
     * @param runningMean per-channel running mean
     * @param runningVar per-channel running (unbiased) variance
     * @param momentum the running statistics' update weight
     * @param eps the variance guard
     */
    public record State(EngineParameter gamma, EngineParameter beta, EngineParameter runningMean,
            EngineParameter runningVar, double momentum, double eps) {
    }

    /**
     * @param x {@code [batch, channels]} or {@code [batch, channels, ...]}
     * @param st the layer's state
     * @param training whether to normalise with batch statistics (and update the running ones)
     * @return the normalised, scaled and shifted tensor
     */
    public static EngineTensor batchNorm(EngineTensor x, State st, boolean training) {
        int channels = st.gamma().size();
        if (x.rank() < 2 || x.shape().dim(1) != channels) {
            throw new IllegalArgumentException("batch norm over " + channels + " channels got input " + x.shape()
                    + "; expected [batch, " + channels + ", ...]");
        }
        int batch = x.shape().dim(0);
        EngineTensor x3 = Reshaping.reshape(x, batch, channels, -1);
        int count = batch * x3.shape().dim(2);
        EngineTensor mean;
        EngineTensor var;
        if (training) {
            if (count < 2) {
                throw new IllegalArgumentException("batch norm in training needs more than one value per channel, got input "
                        + x.shape());
            }
            mean = Arithmetic.affine(Reductions.sum(Reductions.sum(x3, 2, true), 0, true), 1.0 / count, 0);
            EngineTensor centered = Arithmetic.binary(BinaryOp.SUB, x3, mean);
            var = Arithmetic.affine(Reductions.sum(Reductions.sum(
                    Arithmetic.binary(BinaryOp.MUL, centered, centered), 2, true), 0, true), 1.0 / count, 0);
            updateRunning(st, mean, var, count);
            x3 = centered;
        } else {
            mean = Reshaping.reshape(st.runningMean(), 1, channels, 1);
            var = Reshaping.reshape(st.runningVar(), 1, channels, 1);
            x3 = Arithmetic.binary(BinaryOp.SUB, x3, mean);
        }
        EngineTensor inv = Elementwise.pow(Arithmetic.affine(var, 1, st.eps()), -0.5);
        EngineTensor scale = Arithmetic.binary(BinaryOp.MUL, inv, Reshaping.reshape(st.gamma(), 1, channels, 1));
        EngineTensor y = Arithmetic.binary(BinaryOp.ADD, Arithmetic.binary(BinaryOp.MUL, x3, scale),
                Reshaping.reshape(st.beta(), 1, channels, 1));
        return Reshaping.reshape(y, x.shape().toArray());
    }

    private static void updateRunning(State st, EngineTensor mean, EngineTensor var, int count) {
        float m = (float) st.momentum();
        blend(st.runningMean(), mean, m, 1f);
        blend(st.runningVar(), var, m, (float) count / (count - 1));
    }

    // running = (1 - m) * running + m * scale * batchValue, in place on the persistent buffer
    private static void blend(EngineParameter running, EngineTensor batchValue, float m, float scale) {
        int n = running.size();
        int[] dims = {n};
        EngineTensor t = running.engine().empty(running.shape());
        running.backend().unary(UnaryOp.AFFINE, m * scale, 0f, batchValue.buffer(), t.buffer(), n);
        running.backend().unary(UnaryOp.AFFINE, 1f - m, 0f, running.buffer(), running.buffer(), n);
        running.backend().binary(BinaryOp.ADD, running.buffer(), dims, t.buffer(), dims, running.buffer(), dims);
    }
}
