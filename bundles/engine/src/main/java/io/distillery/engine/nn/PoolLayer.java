package io.distillery.engine.nn;

import io.distillery.api.backend.PoolOp;
import io.distillery.api.nn.AbstractModule;
import io.distillery.api.tensor.Tensor;
import io.distillery.engine.core.EngineTensor;
import io.distillery.engine.ops.Pooling;

/** Max or average pooling over 1 or 2 spatial axes. */
final class PoolLayer extends AbstractModule {
    private final PoolOp op;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final boolean twoD;

    PoolLayer(PoolOp op, int kernel, int stride, int padding, boolean twoD) {
        if (kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("pooling kernel and stride must be positive and padding not negative: kernel="
                    + kernel + " stride=" + stride + " padding=" + padding);
        }
        this.op = op;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.twoD = twoD;
    }

    @Override
    protected Tensor compute(Tensor input) {
        EngineTensor x = EngineTensor.of(input);
        return twoD ? Pooling.pool2d(x, op, kernel, stride, padding) : Pooling.pool1d(x, op, kernel, stride);
    }

    @Override
    public String describe() {
        return (op == PoolOp.MAX ? "MaxPool" : "AvgPool") + (twoD ? "2d(" : "1d(") + kernel + ", stride " + stride
                + (padding == 0 ? "" : ", padding " + padding) + ")";
    }
}
