package io.distillery.engine.ops;

import java.util.Arrays;

import io.distillery.api.backend.Gemm;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Shape;
import io.distillery.engine.core.EngineTensor;

/**
 * The dense layer's operation {@code y = act(x W^T + b)} as one gemm and one fused epilogue; its backward is one
 * fused activation/bias-gradient pass and two gemms.
 */
public final class Dense {
    private Dense() {
    }

    /**
     * @param x {@code [..., in]}
     * @param w {@code [out, in]}
     * @param b {@code [out]}, or {@code null}
     * @param act the activation
     * @param slope the negative slope of a leaky ReLU
     * @return {@code [..., out]}
     */
    public static EngineTensor linear(EngineTensor x, EngineTensor w, EngineTensor b, Activation act, float slope) {
        if (w.rank() != 2 || x.rank() == 0 || x.shape().dim(-1) != w.shape().dim(1)) {
            throw new IllegalArgumentException("linear: input " + x.shape() + " does not fit weight " + w.shape()
                    + " (expected last axis " + (w.rank() == 2 ? w.shape().dim(1) : "?") + ")");
        }
        int in = w.shape().dim(1);
        int out = w.shape().dim(0);
        if (b != null && !b.shape().equals(Shape.of(out))) {
            throw new IllegalArgumentException("linear: bias " + b.shape() + " does not fit weight " + w.shape());
        }
        EngineTensor x2 = Reshaping.reshape(x, -1, in);
        int rows = x2.shape().dim(0);
        EngineTensor y = x.engine().empty(Shape.of(rows, out));
        x.backend().gemm(Gemm.of(false, true, rows, out, in, 1f, 0f), x2.buffer(), w.buffer(), y.buffer());
        if (b != null || act != Activation.IDENTITY) {
            y.backend().biasActivation(y.buffer(), b == null ? null : b.buffer(), rows, out, 1, act, slope, y.buffer());
        }
        Recording.record(y, g -> {
            EngineTensor db = b != null && b.requiresGrad() ? Recording.gradientFor(b, b.shape()) : null;
            EngineTensor pre = g;
            if (act != Activation.IDENTITY || db != null) {
                pre = g.engine().empty(g.shape());
                g.backend().activationBackward(act, slope, y.buffer(), g.buffer(), rows, out, 1, pre.buffer(),
                        db == null ? null : db.buffer());
            }
            EngineTensor dx = null;
            if (x2.requiresGrad()) {
                dx = g.engine().empty(x2.shape());
                g.backend().gemm(Gemm.of(false, false, rows, in, out, 1f, 0f), pre.buffer(), w.buffer(), dx.buffer());
            }
            EngineTensor dw = null;
            if (w.requiresGrad()) {
                dw = Recording.gradientFor(w, w.shape());
                g.backend().gemm(Gemm.of(true, false, out, in, rows, 1f, 0f), pre.buffer(), x2.buffer(), dw.buffer());
            }
            return new EngineTensor[] {dx, dw, db};
        }, x2, w, b);
        int[] dims = x.shape().toArray();
        dims[dims.length - 1] = out;
        return Arrays.equals(dims, y.shape().toArray()) ? y : Reshaping.reshape(y, dims);
    }
}
