package io.distillery.engine.ops;

import io.distillery.api.backend.BinaryOp;
import io.distillery.api.backend.UnaryOp;
import io.distillery.api.tensor.Shape;
import io.distillery.engine.core.EngineTensor;

/** Softmax and log-softmax along an axis, forward in one fused kernel. */
public final class Softmax {
    private Softmax() {
    }

    /**
     * @param x the input
     * @param axis the axis to normalise along
     * @param log whether to return the logarithm
     * @return the (log-)softmax
     */
    public static EngineTensor softmax(EngineTensor x, int axis, boolean log) {
        Shape s = x.shape();
        int a = s.axis(axis);
        EngineTensor y = x.engine().empty(s);
        x.backend().softmax(x.buffer(), Shapes.outer(s, a), s.dim(a), Shapes.inner(s, a), log, y.buffer());
        return Recording.record(y, g -> new EngineTensor[] {log ? logGradient(y, g, a) : gradient(y, g, a)}, x);
    }

    // dx = y * (g - sum(g * y))
    private static EngineTensor gradient(EngineTensor y, EngineTensor g, int axis) {
        EngineTensor dot = Reductions.sum(Arithmetic.compute(BinaryOp.MUL, g, y), axis, true);
        return Arithmetic.compute(BinaryOp.MUL, y, Arithmetic.compute(BinaryOp.SUB, g, dot));
    }

    // dx = g - softmax * sum(g), where softmax = exp(log-softmax)
    private static EngineTensor logGradient(EngineTensor y, EngineTensor g, int axis) {
        EngineTensor total = Reductions.sum(g, axis, true);
        EngineTensor p = Elementwise.apply(UnaryOp.EXP, 0, 0, y);
        return Arithmetic.compute(BinaryOp.SUB, g, Arithmetic.compute(BinaryOp.MUL, p, total));
    }
}
