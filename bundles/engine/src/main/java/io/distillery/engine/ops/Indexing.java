package io.distillery.engine.ops;

import io.distillery.api.backend.BinaryOp;
import io.distillery.api.tensor.Shape;
import io.distillery.engine.core.Engine;
import io.distillery.engine.core.EngineTensor;

/** Picking elements by index or mask, and choosing between tensors. */
public final class Indexing {
    private Indexing() {
    }

    /**
     * @param x the source
     * @param axis the axis to pick along
     * @param index indices, of x's shape except along the axis
     * @return {@code out[..., j, ...] = x[..., index[..., j, ...], ...]}
     */
    public static EngineTensor gather(EngineTensor x, int axis, EngineTensor index) {
        Shape s = x.shape();
        int a = s.axis(axis);
        if (index.rank() != s.rank() || !index.shape().with(a, 1).equals(s.with(a, 1))) {
            throw new IllegalArgumentException("gather along axis " + axis + ": index shape " + index.shape()
                    + " must equal source shape " + s + " except along that axis");
        }
        int outer = Shapes.outer(s, a);
        int n = s.dim(a);
        int inner = Shapes.inner(s, a);
        int k = index.shape().dim(a);
        EngineTensor y = x.engine().empty(index.shape());
        x.backend().gather(x.buffer(), outer, n, inner, index.buffer(), k, y.buffer());
        return Recording.record(y, g -> {
            EngineTensor dx = g.engine().zeros(s);
            g.backend().scatterAdd(g.buffer(), outer, n, inner, index.buffer(), k, dx.buffer());
            return new EngineTensor[] {dx, null};
        }, x, index);
    }

    /**
     * @param labels integer-valued class indices
     * @param classes the number of classes
     * @return the labels' shape plus a last axis of {@code classes}, 1 at each label
     */
    public static EngineTensor oneHot(EngineTensor labels, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("oneHot needs at least one class, got " + classes);
        }
        float[] v = labels.toArray();
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0 && v[i] < classes) || v[i] != Math.rint(v[i])) {
                throw new IndexOutOfBoundsException("oneHot: label " + v[i] + " at position " + i
                        + " is not a class index in [0, " + classes + ")");
            }
        }
        return Arithmetic.compare(BinaryOp.EQ, Reshaping.unsqueeze(labels, -1), arange(labels.engine(), classes));
    }

    /**
     * @param x the source
     * @param mask 1 where an element is selected, broadcastable to x
     * @return the selected elements in row-major order
     */
    public static EngineTensor maskedSelect(EngineTensor x, EngineTensor mask) {
        EngineTensor full = mask.shape().equals(x.shape()) ? mask : Reductions.expandTo(mask, x.shape());
        float[] m = full.toArray();
        int count = 0;
        for (float f : m) {
            if (f != 0) {
                count++;
            }
        }
        float[] idx = new float[count];
        for (int i = 0, j = 0; i < m.length; i++) {
            if (m[i] != 0) {
                idx[j++] = i;
            }
        }
        EngineTensor flat = Reshaping.reshape(x, -1);
        return gather(flat, 0, x.engine().upload(Shape.of(count), idx));
    }

    /**
     * @param cond 1 where {@code a} is taken
     * @param a values where the condition holds
     * @param b values where it does not
     * @return the element-wise choice; gradients flow only to the chosen operand
     */
    public static EngineTensor where(EngineTensor cond, EngineTensor a, EngineTensor b) {
        Shape out = Shapes.broadcast("where", Shapes.broadcast("where", cond.shape(), a.shape()), b.shape());
        EngineTensor y = select(cond, a, b, out);
        return Recording.record(y, g -> {
            EngineTensor zero = g.engine().zeros(Shape.of(1));
            return new EngineTensor[] {null,
                a.requiresGrad() ? Reductions.sumTo(select(cond, g, zero, out), a.shape()) : null,
                b.requiresGrad() ? Reductions.sumTo(select(cond, zero, g, out), b.shape()) : null};
        }, cond, a, b);
    }

    private static EngineTensor select(EngineTensor cond, EngineTensor a, EngineTensor b, Shape out) {
        int rank = Math.max(1, out.rank());
        EngineTensor y = a.engine().empty(out);
        a.backend().select(cond.buffer(), Shapes.padded(cond.shape(), rank), a.buffer(), Shapes.padded(a.shape(), rank),
                b.buffer(), Shapes.padded(b.shape(), rank), y.buffer(), Shapes.padded(out, rank));
        return y;
    }

    /**
     * @param engine the engine
     * @param n the length
     * @return {@code [0, 1, ..., n-1]}
     */
    public static EngineTensor arange(Engine engine, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return engine.upload(Shape.of(n), v);
    }
}
