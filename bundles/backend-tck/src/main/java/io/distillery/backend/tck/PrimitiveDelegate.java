package io.distillery.backend.tck;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.BinaryOp;
import io.distillery.api.backend.Buffer;
import io.distillery.api.backend.ConvGeometry;
import io.distillery.api.backend.Gemm;
import io.distillery.api.backend.PoolGeometry;
import io.distillery.api.backend.PoolOp;
import io.distillery.api.backend.ReduceOp;
import io.distillery.api.backend.UnaryOp;

/**
 * A backend that forwards every primitive kernel to another and overrides none of the fused ones, so that
 * {@link Backend}'s default compositions run on the other backend's primitives: the reference a backend's own
 * fused kernels are compared against. Tests extend it to watch or alter single kernels of a real backend.
 */
public class PrimitiveDelegate implements Backend {
    private final Backend primitives;
    private final String name;

    /**
     * @param primitives the backend whose primitive kernels run
     * @param name this backend's name
     */
    public PrimitiveDelegate(Backend primitives, String name) {
        this.primitives = primitives;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Buffer allocate(long length) {
        return primitives.allocate(length);
    }

    @Override
    public void free(Buffer buffer) {
        primitives.free(buffer);
    }

    @Override
    public void upload(float[] src, int srcOffset, Buffer dst, long dstOffset, int length) {
        primitives.upload(src, srcOffset, dst, dstOffset, length);
    }

    @Override
    public void download(Buffer src, long srcOffset, float[] dst, int dstOffset, int length) {
        primitives.download(src, srcOffset, dst, dstOffset, length);
    }

    @Override
    public void fill(Buffer dst, long offset, long length, float value) {
        primitives.fill(dst, offset, length, value);
    }

    @Override
    public void copy(Buffer src, long srcOffset, long[] srcStrides, Buffer dst, long dstOffset, long[] dstStrides,
            int[] shape) {
        primitives.copy(src, srcOffset, srcStrides, dst, dstOffset, dstStrides, shape);
    }

    @Override
    public void gemm(Gemm gemm, Buffer a, Buffer b, Buffer c) {
        primitives.gemm(gemm, a, b, c);
    }

    @Override
    public void unary(UnaryOp op, float p, float q, Buffer x, Buffer y, long length) {
        primitives.unary(op, p, q, x, y, length);
    }

    @Override
    public void binary(BinaryOp op, Buffer a, int[] aShape, Buffer b, int[] bShape, Buffer out, int[] outShape) {
        primitives.binary(op, a, aShape, b, bShape, out, outShape);
    }

    @Override
    public void select(Buffer cond, int[] condShape, Buffer a, int[] aShape, Buffer b, int[] bShape, Buffer out,
            int[] outShape) {
        primitives.select(cond, condShape, a, aShape, b, bShape, out, outShape);
    }

    @Override
    public void reduce(ReduceOp op, Buffer x, int outer, int n, int inner, Buffer y) {
        primitives.reduce(op, x, outer, n, inner, y);
    }

    @Override
    public void softmax(Buffer x, int outer, int n, int inner, boolean log, Buffer y) {
        primitives.softmax(x, outer, n, inner, log, y);
    }

    @Override
    public void gather(Buffer x, int outer, int n, int inner, Buffer index, int k, Buffer y) {
        primitives.gather(x, outer, n, inner, index, k, y);
    }

    @Override
    public void scatterAdd(Buffer dy, int outer, int n, int inner, Buffer index, int k, Buffer dx) {
        primitives.scatterAdd(dy, outer, n, inner, index, k, dx);
    }

    @Override
    public void conv2d(ConvGeometry g, Buffer x, Buffer w, Buffer y) {
        primitives.conv2d(g, x, w, y);
    }

    @Override
    public void conv2dBackwardInput(ConvGeometry g, Buffer dy, Buffer w, Buffer dx) {
        primitives.conv2dBackwardInput(g, dy, w, dx);
    }

    @Override
    public void conv2dBackwardFilter(ConvGeometry g, Buffer x, Buffer dy, Buffer dw) {
        primitives.conv2dBackwardFilter(g, x, dy, dw);
    }

    @Override
    public void pool2d(PoolGeometry g, PoolOp op, Buffer x, Buffer y) {
        primitives.pool2d(g, op, x, y);
    }

    @Override
    public void pool2dBackward(PoolGeometry g, PoolOp op, Buffer x, Buffer dy, Buffer dx) {
        primitives.pool2dBackward(g, op, x, dy, dx);
    }
}
