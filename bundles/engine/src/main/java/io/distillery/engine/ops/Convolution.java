package io.distillery.engine.ops;

import io.distillery.api.backend.ConvGeometry;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Shape;
import io.distillery.engine.core.EngineTensor;

/** 1-d and 2-d convolution with a fused bias and activation; 1-d runs as 2-d of height 1. */
public final class Convolution {
    private Convolution() {
    }

    /**
     * The settings of one convolution call.
     *
     * @param stride step
     * @param padding zeros per side
     * @param dilation tap spacing
     * @param groups channel groups
     * @param act the fused activation
     * @param slope the negative slope of a leaky ReLU
     */
    public record Settings(int stride, int padding, int dilation, int groups, Activation act, float slope) {
    }

    /**
     * @param x {@code [batch, in, height, width]}
     * @param w {@code [out, in/groups, kh, kw]}
     * @param b {@code [out]}, or {@code null}
     * @param s the settings
     * @return {@code [batch, out, outHeight, outWidth]}
     */
    public static EngineTensor conv2d(EngineTensor x, EngineTensor w, EngineTensor b, Settings s) {
        if (x.rank() != 4 || w.rank() != 4) {
            throw new IllegalArgumentException("conv2d: input " + x.shape() + " and weight " + w.shape()
                    + " must both have 4 axes ([batch, channels, height, width] and [out, in/groups, kh, kw])");
        }
        Shape xs = x.shape();
        Shape ws = w.shape();
        checkChannels("conv2d", xs, ws, s.groups());
        ConvGeometry g = new ConvGeometry(xs.dim(0), xs.dim(1), xs.dim(2), xs.dim(3), ws.dim(0), ws.dim(2), ws.dim(3),
                s.stride(), s.stride(), s.padding(), s.padding(), s.dilation(), s.dilation(), s.groups());
        return run(x, w, b, g, s);
    }

    /**
     * @param x {@code [batch, in, length]}
     * @param w {@code [out, in/groups, k]}
     * @param b {@code [out]}, or {@code null}
     * @param s the settings
     * @return {@code [batch, out, outLength]}
     */
    public static EngineTensor conv1d(EngineTensor x, EngineTensor w, EngineTensor b, Settings s) {
        if (x.rank() != 3 || w.rank() != 3) {
            throw new IllegalArgumentException("conv1d: input " + x.shape() + " and weight " + w.shape()
                    + " must both have 3 axes ([batch, channels, length] and [out, in/groups, k])");
        }
        Shape xs = x.shape();
        Shape ws = w.shape();
        checkChannels("conv1d", xs, ws, s.groups());
        ConvGeometry g = new ConvGeometry(xs.dim(0), xs.dim(1), 1, xs.dim(2), ws.dim(0), 1, ws.dim(2),
                1, s.stride(), 0, s.padding(), 1, s.dilation(), s.groups());
        EngineTensor y = run(Reshaping.reshape(x, xs.dim(0), xs.dim(1), 1, xs.dim(2)),
                Reshaping.reshape(w, ws.dim(0), ws.dim(1), 1, ws.dim(2)), b, g, s);
        return Reshaping.reshape(y, xs.dim(0), ws.dim(0), g.outWidth());
    }

    private static void checkChannels(String op, Shape xs, Shape ws, int groups) {
        if (xs.dim(1) != ws.dim(1) * groups) {
            throw new IllegalArgumentException(op + ": input " + xs + " has " + xs.dim(1) + " channels but weight " + ws
                    + " expects " + ws.dim(1) * groups + " (groups=" + groups + ")");
        }
    }

    private static EngineTensor run(EngineTensor x, EngineTensor w, EngineTensor b, ConvGeometry g, Settings s) {
        int out = g.outChannels();
        if (b != null && !b.shape().equals(Shape.of(out))) {
            throw new IllegalArgumentException("conv: bias " + b.shape() + " does not fit " + out + " output channels");
        }
        int plane = g.outHeight() * g.outWidth();
        EngineTensor y = x.engine().empty(Shape.of(g.batch(), out, g.outHeight(), g.outWidth()));
        x.backend().conv2d(g, x.buffer(), w.buffer(), y.buffer());
        if (b != null || s.act() != Activation.IDENTITY) {
            y.backend().biasActivation(y.buffer(), b == null ? null : b.buffer(), g.batch(), out, plane, s.act(), s.slope(),
                    y.buffer());
        }
        return Recording.record(y, grad -> {
            EngineTensor db = b != null && b.requiresGrad() ? Recording.gradientFor(b, b.shape()) : null;
            EngineTensor pre = grad;
            if (s.act() != Activation.IDENTITY || db != null) {
                pre = grad.engine().empty(grad.shape());
                grad.backend().activationBackward(s.act(), s.slope(), y.buffer(), grad.buffer(), g.batch(), out, plane,
                        pre.buffer(), db == null ? null : db.buffer());
            }
            EngineTensor dx = null;
            if (x.requiresGrad()) {
                dx = grad.engine().empty(x.shape());
                grad.backend().conv2dBackwardInput(g, pre.buffer(), w.buffer(), dx.buffer());
            }
            EngineTensor dw = null;
            if (w.requiresGrad()) {
                dw = Recording.gradientFor(w, w.shape());
                grad.backend().conv2dBackwardFilter(g, x.buffer(), pre.buffer(), dw.buffer());
            }
            return new EngineTensor[] {dx, dw, db};
        }, x, w, b);
    }
}
