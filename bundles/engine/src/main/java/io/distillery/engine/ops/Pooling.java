package io.distillery.engine.ops;

import io.distillery.api.backend.PoolGeometry;
import io.distillery.api.backend.PoolOp;
import io.distillery.api.tensor.Shape;
import io.distillery.engine.core.EngineTensor;

/** Max and average pooling, 1-d as 2-d of height 1. */
public final class Pooling {
    private Pooling() {
    }

    /**
     * @param x {@code [batch, channels, height, width]}
     * @param op the window function
     * @param kernel window size
     * @param stride step
     * @param padding padding per side
     * @return the pooled tensor
     */
    public static EngineTensor pool2d(EngineTensor x, PoolOp op, int kernel, int stride, int padding) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException("pool2d: input " + x.shape() + " must be [batch, channels, height, width]");
        }
        Shape s = x.shape();
        return run(x, new PoolGeometry(s.dim(0), s.dim(1), s.dim(2), s.dim(3), kernel, kernel, stride, stride,
                padding, padding), op);
    }

    /**
     * @param x {@code [batch, channels, length]}
     * @param op the window function
     * @param kernel window length
     * @param stride step
     * @return the pooled tensor
     */
    public static EngineTensor pool1d(EngineTensor x, PoolOp op, int kernel, int stride) {
        if (x.rank() != 3) {
            throw new IllegalArgumentException("pool1d: input " + x.shape() + " must be [batch, channels, length]");
        }
        Shape s = x.shape();
        PoolGeometry g = new PoolGeometry(s.dim(0), s.dim(1), 1, s.dim(2), 1, kernel, 1, stride, 0, 0);
        EngineTensor y = run(Reshaping.reshape(x, s.dim(0), s.dim(1), 1, s.dim(2)), g, op);
        return Reshaping.reshape(y, s.dim(0), s.dim(1), g.outWidth());
    }

    private static EngineTensor run(EngineTensor x, PoolGeometry g, PoolOp op) {
        EngineTensor y = x.engine().empty(Shape.of(g.batch(), g.channels(), g.outHeight(), g.outWidth()));
        x.backend().pool2d(g, op, x.buffer(), y.buffer());
        return Recording.record(y, grad -> {
            EngineTensor dx = grad.engine().empty(x.shape());
            grad.backend().pool2dBackward(g, op, x.buffer(), grad.buffer(), dx.buffer());
            return new EngineTensor[] {dx};
        }, x);
    }
}
