package io.distillery.engine.ops;

import io.distillery.api.backend.BinaryOp;
import io.distillery.api.backend.UnaryOp;
import io.distillery.api.tensor.Activation;
import io.distillery.engine.core.EngineTensor;

/** Element-wise functions of one tensor and their gradients. */
public final class Elementwise {
    private Elementwise() {
    }

    /**
     * @param op EXP, LOG, SQRT or ABS
     * @param x the input
     * @return the function applied element-wise
     */
    public static EngineTensor unary(UnaryOp op, EngineTensor x) {
        EngineTensor y = apply(op, 0, 0, x);
        return Recording.record(y, g -> new EngineTensor[] {switch (op) {
            case EXP -> Arithmetic.compute(BinaryOp.MUL, g, y);
            case LOG -> Arithmetic.compute(BinaryOp.DIV, g, x);
            case SQRT -> Arithmetic.affine(Arithmetic.compute(BinaryOp.DIV, g, y), 0.5, 0);
            case ABS -> Arithmetic.compute(BinaryOp.MUL, g, apply(UnaryOp.SIGN, 0, 0, x));
            default -> throw new IllegalArgumentException(op + " is not a differentiable unary function here");
        }}, x);
    }

    /**
     * @param x the input
     * @param act the activation
     * @param slope the negative slope of a leaky ReLU
     * @return the activation, with the fused backward kernel as its gradient
     */
    public static EngineTensor activation(EngineTensor x, Activation act, float slope) {
        EngineTensor y = x.engine().empty(x.shape());
        x.backend().biasActivation(x.buffer(), null, 1, x.size(), 1, act, slope, y.buffer());
        return Recording.record(y, g -> new EngineTensor[] {activationGradient(act, slope, y, g)}, x);
    }

    /**
     * @param act the activation
     * @param slope the negative slope of a leaky ReLU
     * @param y the activation's output
     * @param g the gradient of the output
     * @return the gradient of the input
     */
    static EngineTensor activationGradient(Activation act, float slope, EngineTensor y, EngineTensor g) {
        EngineTensor dx = y.engine().empty(y.shape());
        y.backend().activationBackward(act, slope, y.buffer(), g.buffer(), 1, y.size(), 1, dx.buffer(), null);
        return dx;
    }

    /**
     * @param op SIGN or ROUND
     * @param x the input
     * @return the function, whose gradient passes straight through (Bengio et al. 2013), as quantization needs
     */
    public static EngineTensor straightThrough(UnaryOp op, EngineTensor x) {
        EngineTensor y = apply(op, 0, 0, x);
        return Recording.record(y, g -> new EngineTensor[] {g}, x);
    }

    /**
     * @param x the input
     * @param min the lower bound
     * @param max the upper bound
     * @return the clamped values; the gradient is zero where a bound was applied
     */
    public static EngineTensor clamp(EngineTensor x, double min, double max) {
        if (min > max) {
            throw new IllegalArgumentException("clamp: min " + min + " is above max " + max);
        }
        EngineTensor y = apply(UnaryOp.CLAMP, (float) min, (float) max, x);
        return Recording.record(y, g -> new EngineTensor[] {
            Arithmetic.compute(BinaryOp.MUL, g, Arithmetic.compute(BinaryOp.EQ, y, x))}, x);
    }

    /**
     * @param x the input
     * @param p the exponent
     * @return {@code x^p}
     */
    public static EngineTensor pow(EngineTensor x, double p) {
        EngineTensor y = apply(UnaryOp.POW, (float) p, 0, x);
        return Recording.record(y, g -> new EngineTensor[] {Arithmetic.compute(BinaryOp.MUL, g,
                Arithmetic.affine(apply(UnaryOp.POW, (float) (p - 1), 0, x), p, 0))}, x);
    }

    static EngineTensor apply(UnaryOp op, float p, float q, EngineTensor x) {
        EngineTensor y = x.engine().empty(x.shape());
        x.backend().unary(op, p, q, x.buffer(), y.buffer(), x.size());
        return y;
    }
}
