package io.distillery.engine;

import java.util.concurrent.atomic.AtomicLong;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.BinaryOp;
import io.distillery.api.backend.Buffer;
import io.distillery.api.backend.ConvGeometry;
import io.distillery.api.backend.Gemm;
import io.distillery.api.backend.PoolGeometry;
import io.distillery.api.backend.PoolOp;
import io.distillery.api.backend.ReduceOp;
import io.distillery.api.backend.UnaryOp;
import io.distillery.api.tensor.Activation;

/**
 * A backend under its own name that delegates every kernel to another and counts gemm calls and live buffers,
 * so that tests can see which backend did the work and that nothing was left allocated on it.
 */
final class CountingBackend implements Backend {
    private final Backend delegate;
    private final String name;
    final AtomicLong gemms = new AtomicLong();
    final AtomicLong liveBuffers = new AtomicLong();

    CountingBackend(Backend delegate, String name) {
        this.delegate = delegate;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Buffer allocate(long length) {
        liveBuffers.incrementAndGet();
        return delegate.allocate(length);
    }

    @Override
    public void free(Buffer buffer) {
        liveBuffers.decrementAndGet();
        delegate.free(buffer);
    }

    @Override
    public void upload(float[] src, int srcOffset, Buffer dst, long dstOffset, int length) {
        delegate.upload(src, srcOffset, dst, dstOffset, length);
    }

    @Override
    public void download(Buffer src, long srcOffset, float[] dst, int dstOffset, int length) {
        delegate.download(src, srcOffset, dst, dstOffset, length);
    }

    @Override
    public void fill(Buffer dst, long offset, long length, float value) {
        delegate.fill(dst, offset, length, value);
    }

    @Override
    public void copy(Buffer src, long srcOffset, long[] srcStrides, Buffer dst, long dstOffset, long[] dstStrides, int[] shape) {
        delegate.copy(src, srcOffset, srcStrides, dst, dstOffset, dstStrides, shape);
    }

    @Override
    public void gemm(Gemm gemm, Buffer a, Buffer b, Buffer c) {
        gemms.incrementAndGet();
        delegate.gemm(gemm, a, b, c);
    }

    @Override
    public void unary(UnaryOp op, float p, float q, Buffer x, Buffer y, long length) {
        delegate.unary(op, p, q, x, y, length);
    }

    @Override
    public void binary(BinaryOp op, Buffer a, int[] aShape, Buffer b, int[] bShape, Buffer out, int[] outShape) {
        delegate.binary(op, a, aShape, b, bShape, out, outShape);
    }

    @Override
    public void select(Buffer cond, int[] condShape, Buffer a, int[] aShape, Buffer b, int[] bShape, Buffer out, int[] outShape) {
        delegate.select(cond, condShape, a, aShape, b, bShape, out, outShape);
    }

    @Override
    public void reduce(ReduceOp op, Buffer x, int outer, int n, int inner, Buffer y) {
        delegate.reduce(op, x, outer, n, inner, y);
    }

    @Override
    public void softmax(Buffer x, int outer, int n, int inner, boolean log, Buffer y) {
        delegate.softmax(x, outer, n, inner, log, y);
    }

    @Override
    public void gather(Buffer x, int outer, int n, int inner, Buffer index, int k, Buffer y) {
        delegate.gather(x, outer, n, inner, index, k, y);
    }

    @Override
    public void scatterAdd(Buffer dy, int outer, int n, int inner, Buffer index, int k, Buffer dx) {
        delegate.scatterAdd(dy, outer, n, inner, index, k, dx);
    }

    @Override
    public void conv2d(ConvGeometry g, Buffer x, Buffer w, Buffer y) {
        delegate.conv2d(g, x, w, y);
    }

    @Override
    public void conv2dBackwardInput(ConvGeometry g, Buffer dy, Buffer w, Buffer dx) {
        delegate.conv2dBackwardInput(g, dy, w, dx);
    }

    @Override
    public void conv2dBackwardFilter(ConvGeometry g, Buffer x, Buffer dy, Buffer dw) {
        delegate.conv2dBackwardFilter(g, x, dy, dw);
    }

    @Override
    public void pool2d(PoolGeometry g, PoolOp op, Buffer x, Buffer y) {
        delegate.pool2d(g, op, x, y);
    }

    @Override
    public void pool2dBackward(PoolGeometry g, PoolOp op, Buffer x, Buffer dy, Buffer dx) {
        delegate.pool2dBackward(g, op, x, dy, dx);
    }

    @Override
    public void biasActivation(Buffer x, Buffer bias, int outer, int channels, int inner, Activation act, float slope, Buffer y) {
        delegate.biasActivation(x, bias, outer, channels, inner, act, slope, y);
    }

    @Override
    public void activationBackward(Activation act, float slope, Buffer y, Buffer dy, int outer, int channels, int inner,
            Buffer dx, Buffer biasGrad) {
        delegate.activationBackward(act, slope, y, dy, outer, channels, inner, dx, biasGrad);
    }

    @Override
    public void sgdUpdate(Buffer param, Buffer grad, Buffer velocity, long length, float lr, float momentum,
            float weightDecay, boolean nesterov) {
        delegate.sgdUpdate(param, grad, velocity, length, lr, momentum, weightDecay, nesterov);
    }

    @Override
    public void adamUpdate(Buffer param, Buffer grad, Buffer m, Buffer v, long length, float lr, float beta1, float beta2,
            float eps, float weightDecay, boolean decoupled, long step) {
        delegate.adamUpdate(param, grad, m, v, length, lr, beta1, beta2, eps, weightDecay, decoupled, step);
    }
}
