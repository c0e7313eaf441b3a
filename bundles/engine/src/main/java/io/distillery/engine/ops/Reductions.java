package io.distillery.engine.ops;

import io.distillery.api.backend.Broadcast;
import io.distillery.api.backend.ReduceOp;
import io.distillery.api.tensor.Shape;
import io.distillery.engine.core.EngineTensor;

/** Sums, maxima and their gradients; also the sum-to-shape and expand-to-shape pair that broadcasting needs. */
public final class Reductions {
    private Reductions() {
    }

    /** @param x the input @return the sum of all elements, rank 0 */
    public static EngineTensor sumAll(EngineTensor x) {
        EngineTensor y = x.engine().empty(Shape.scalar());
        x.backend().reduce(ReduceOp.SUM, x.buffer(), 1, x.size(), 1, y.buffer());
        return Recording.record(y, g -> new EngineTensor[] {expandTo(g, x.shape())}, x);
    }

    /**
     * @param x the input
     * @param axis the axis to sum over
     * @param keepDim whether to keep it with size 1
     * @return the sums
     */
    public static EngineTensor sum(EngineTensor x, int axis, boolean keepDim) {
        int a = x.shape().axis(axis);
        EngineTensor y = reduce(ReduceOp.SUM, x, a, keepDim);
        Shape kept = x.shape().with(a, 1);
        return Recording.record(y, g -> new EngineTensor[] {expandTo(g.engine().view(g, kept), x.shape())}, x);
    }

    /**
     * @param x the input
     * @param axis the axis to reduce
     * @param keepDim whether to keep it with size 1
     * @return the maxima; the gradient goes to the first maximal element
     */
    public static EngineTensor max(EngineTensor x, int axis, boolean keepDim) {
        int a = x.shape().axis(axis);
        EngineTensor y = reduce(ReduceOp.MAX, x, a, keepDim);
        return Recording.record(y, g -> {
            int outer = Shapes.outer(x.shape(), a);
            int n = x.shape().dim(a);
            int inner = Shapes.inner(x.shape(), a);
            EngineTensor index = reduce(ReduceOp.ARGMAX, x, a, true);
            EngineTensor dx = x.engine().zeros(x.shape());
            x.backend().scatterAdd(g.buffer(), outer, n, inner, index.buffer(), 1, dx.buffer());
            return new EngineTensor[] {dx};
        }, x);
    }

    /**
     * @param x the input
     * @param axis the axis to search
     * @return the index of the first maximum, the axis removed
     */
    public static EngineTensor argmax(EngineTensor x, int axis) {
        return reduce(ReduceOp.ARGMAX, x, x.shape().axis(axis), false);
    }

    private static EngineTensor reduce(ReduceOp op, EngineTensor x, int axis, boolean keepDim) {
        Shape s = x.shape();
        if (s.dim(axis) == 0) {
            throw new IllegalArgumentException(op.name().toLowerCase() + ": axis " + axis + " of " + s + " is empty");
        }
        EngineTensor y = x.engine().empty(keepDim ? s.with(axis, 1) : Shapes.without(s, axis));
        x.backend().reduce(op, x.buffer(), Shapes.outer(s, axis), s.dim(axis), Shapes.inner(s, axis), y.buffer());
        return y;
    }

    /**
     * Sums a broadcast gradient back to an operand's shape.
     *
     * @param g a tensor whose shape the target broadcasts to
     * @param target the operand's shape
     * @return {@code g} summed over the broadcast axes, in the target's shape
     */
    public static EngineTensor sumTo(EngineTensor g, Shape target) {
        if (g.shape().equals(target)) {
            return g;
        }
        int[] dims = g.shape().toArray();
        int[] want = Shapes.padded(target, dims.length);
        EngineTensor cur = g;
        int i = 0;
        while (i < dims.length) {
            if (want[i] == dims[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j < dims.length && want[j] != dims[j]) {
                j++;
            }
            // axes [i, j) collapse to 1 in one reduction
            int outer = 1;
            int n = 1;
            int inner = 1;
            for (int k = 0; k < dims.length; k++) {
                if (k < i) {
                    outer *= dims[k];
                } else if (k < j) {
                    n *= dims[k];
                } else {
                    inner *= dims[k];
                }
            }
            for (int k = i; k < j; k++) {
                dims[k] = 1;
            }
            EngineTensor next = g.engine().empty(Shape.of(dims));
            g.backend().reduce(ReduceOp.SUM, cur.buffer(), outer, n, inner, next.buffer());
            cur = next;
            i = j;
        }
        return g.engine().view(cur, target);
    }

    /**
     * Repeats a tensor along its size-1 and missing leading axes.
     *
     * @param g the tensor
     * @param target a shape it broadcasts to
     * @return the expanded copy
     */
    public static EngineTensor expandTo(EngineTensor g, Shape target) {
        int rank = target.rank();
        int[] src = Shapes.padded(g.shape(), rank);
        int[] out = target.toArray();
        long[] srcStrides = Broadcast.contiguous(src);
        for (int k = 0; k < rank; k++) {
            if (src[k] != out[k]) {
                if (src[k] != 1) {
                    throw new IllegalArgumentException("expand: shape " + g.shape() + " does not broadcast to " + target);
                }
                srcStrides[k] = 0;
            }
        }
        EngineTensor y = g.engine().empty(target);
        if (rank == 0) {
            g.backend().copy(g.buffer(), 0, new long[] {1}, y.buffer(), 0, new long[] {1}, new int[] {1});
        } else {
            g.backend().copy(g.buffer(), 0, srcStrides, y.buffer(), 0, Broadcast.contiguous(out), out);
        }
        return y;
    }
}
