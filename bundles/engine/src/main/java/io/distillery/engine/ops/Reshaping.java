package io.distillery.engine.ops;

import java.util.Arrays;

import io.distillery.api.backend.Broadcast;
import io.distillery.api.tensor.Shape;
import io.distillery.engine.core.EngineTensor;

/** Reshapes (views over the same storage) and the copies that move elements: permute, slice, expand, concat. */
public final class Reshaping {
    private Reshaping() {
    }

    /**
     * @param x the input
     * @param dims the new sizes; one may be -1
     * @return a view in the new shape
     */
    public static EngineTensor reshape(EngineTensor x, int... dims) {
        int[] d = dims.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < d.length; i++) {
            if (d[i] == -1 && infer < 0) {
                infer = i;
            } else if (d[i] < 0) {
                throw new IllegalArgumentException("reshape " + x.shape() + " to " + Arrays.toString(dims) + ": bad size " + d[i]);
            } else {
                known *= d[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || x.size() % known != 0) {
                throw new IllegalArgumentException("reshape " + x.shape() + " to " + Arrays.toString(dims) + ": cannot infer -1");
            }
            d[infer] = (int) (x.size() / known);
        }
        Shape target = Shape.of(d);
        if (target.size() != x.size()) {
            throw new IllegalArgumentException("reshape " + x.shape() + " (" + x.size() + " elements) to " + target
                    + " (" + target.size() + " elements)");
        }
        return view(x, target);
    }

    private static EngineTensor view(EngineTensor x, Shape target) {
        EngineTensor y = x.engine().view(x, target);
        return Recording.record(y, g -> new EngineTensor[] {g.engine().view(g, x.shape())}, x);
    }

    /**
     * @param x the input
     * @param fromAxis the first axis to merge
     * @return the axes from there on merged into one
     */
    public static EngineTensor flatten(EngineTensor x, int fromAxis) {
        Shape s = x.shape();
        int a = s.axis(fromAxis);
        int[] d = Arrays.copyOf(s.toArray(), a + 1);
        d[a] = s.sizeBetween(a, s.rank());
        return view(x, Shape.of(d));
    }

    /**
     * @param x the input
     * @param axis the new axis' position in the result, negative counting from the end
     * @return a view with a size-1 axis added
     */
    public static EngineTensor unsqueeze(EngineTensor x, int axis) {
        int rank = x.rank() + 1;
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("unsqueeze: axis " + axis + " out of range for " + x.shape());
        }
        int[] d = new int[rank];
        for (int i = 0, j = 0; i < rank; i++) {
            d[i] = i == a ? 1 : x.shape().dim(j++);
        }
        return view(x, Shape.of(d));
    }

    /**
     * @param x the input
     * @param axis an axis of size 1
     * @return a view without it
     */
    public static EngineTensor squeeze(EngineTensor x, int axis) {
        int a = x.shape().axis(axis);
        if (x.shape().dim(a) != 1) {
            throw new IllegalArgumentException("squeeze: axis " + axis + " of " + x.shape() + " has size " + x.shape().dim(a));
        }
        return view(x, Shapes.without(x.shape(), a));
    }

    /**
     * @param x the input
     * @param a1 an axis
     * @param a2 another
     * @return the two axes swapped
     */
    public static EngineTensor transpose(EngineTensor x, int a1, int a2) {
        int[] axes = new int[x.rank()];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        int i1 = x.shape().axis(a1);
        int i2 = x.shape().axis(a2);
        axes[i1] = i2;
        axes[i2] = i1;
        return permute(x, axes);
    }

    /**
     * @param x the input
     * @param axes result axis i is input axis axes[i]
     * @return the permuted copy
     */
    public static EngineTensor permute(EngineTensor x, int... axes) {
        Shape s = x.shape();
        if (axes.length != s.rank()) {
            throw new IllegalArgumentException("permute " + s + " by " + Arrays.toString(axes) + ": need " + s.rank() + " axes");
        }
        int[] inverse = new int[axes.length];
        Arrays.fill(inverse, -1);
        int[] out = new int[axes.length];
        long[] inStrides = Broadcast.contiguous(s.toArray());
        long[] src = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            int a = s.axis(axes[i]);
            if (inverse[a] >= 0) {
                throw new IllegalArgumentException("permute " + s + " by " + Arrays.toString(axes) + ": not a permutation");
            }
            inverse[a] = i;
            out[i] = s.dim(a);
            src[i] = inStrides[a];
        }
        EngineTensor y = x.engine().empty(Shape.of(out));
        copy(x, 0, src, y, 0, Broadcast.contiguous(out), out);
        return Recording.record(y, g -> new EngineTensor[] {permute(g, inverse)}, x);
    }

    /**
     * @param x the input
     * @param axis the axis to slice
     * @param start first index, inclusive
     * @param end last index, exclusive
     * @return the copied slice
     */
    public static EngineTensor slice(EngineTensor x, int axis, int start, int end) {
        Shape s = x.shape();
        int a = s.axis(axis);
        if (start < 0 || end < start || end > s.dim(a)) {
            throw new IllegalArgumentException("slice [" + start + ", " + end + ") is out of range for axis " + axis
                    + " of " + s);
        }
        int[] out = s.with(a, end - start).toArray();
        long[] strides = Broadcast.contiguous(s.toArray());
        long offset = start * strides[a];
        EngineTensor y = x.engine().empty(Shape.of(out));
        copy(x, offset, strides, y, 0, Broadcast.contiguous(out), out);
        return Recording.record(y, g -> {
            EngineTensor dx = g.engine().zeros(s);
            copy(g, 0, Broadcast.contiguous(out), dx, offset, strides, out);
            return new EngineTensor[] {dx};
        }, x);
    }

    /**
     * @param x the input
     * @param target a shape the input broadcasts to
     * @return the expanded copy; its gradient is summed back
     */
    public static EngineTensor expand(EngineTensor x, Shape target) {
        EngineTensor y = Reductions.expandTo(x, target);
        return Recording.record(y, g -> new EngineTensor[] {Reductions.sumTo(g, x.shape())}, x);
    }

    /**
     * @param axis the axis to join along
     * @param parts tensors equal in shape except along that axis
     * @return the joined copy
     */
    public static EngineTensor concat(int axis, EngineTensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat needs at least one tensor");
        }
        Shape first = parts[0].shape();
        int a = first.axis(axis);
        int total = 0;
        for (EngineTensor p : parts) {
            if (p.rank() != first.rank() || !p.shape().with(a, 1).equals(first.with(a, 1))) {
                throw new IllegalArgumentException("concat along axis " + axis + ": shape " + p.shape()
                        + " does not match " + first);
            }
            total += p.shape().dim(a);
        }
        Shape outShape = first.with(a, total);
        long[] outStrides = Broadcast.contiguous(outShape.toArray());
        EngineTensor y = parts[0].engine().empty(outShape);
        long[] offsets = new long[parts.length];
        long offset = 0;
        for (int i = 0; i < parts.length; i++) {
            int[] d = parts[i].shape().toArray();
            offsets[i] = offset;
            copy(parts[i], 0, Broadcast.contiguous(d), y, offset, outStrides, d);
            offset += d[a] * outStrides[a];
        }
        return Recording.record(y, g -> {
            EngineTensor[] grads = new EngineTensor[parts.length];
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].requiresGrad()) {
                    int[] d = parts[i].shape().toArray();
                    grads[i] = g.engine().empty(parts[i].shape());
                    copy(g, offsets[i], outStrides, grads[i], 0, Broadcast.contiguous(d), d);
                }
            }
            return grads;
        }, parts);
    }

    /**
     * @param axis where the new axis goes
     * @param parts tensors of equal shape
     * @return them stacked along a new axis
     */
    public static EngineTensor stack(int axis, EngineTensor... parts) {
        EngineTensor[] expanded = new EngineTensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].shape().equals(parts[0].shape())) {
                throw new IllegalArgumentException("stack: shape " + parts[i].shape() + " differs from " + parts[0].shape());
            }
            expanded[i] = unsqueeze(parts[i], axis);
        }
        return concat(axis, expanded);
    }

    private static void copy(EngineTensor src, long srcOffset, long[] srcStrides, EngineTensor dst, long dstOffset,
            long[] dstStrides, int[] shape) {
        if (Shape.of(shape).size() == 0) {
            return;
        }
        if (shape.length == 0) {
            src.backend().copy(src.buffer(), srcOffset, new long[] {1}, dst.buffer(), dstOffset, new long[] {1}, new int[] {1});
        } else {
            src.backend().copy(src.buffer(), srcOffset, srcStrides, dst.buffer(), dstOffset, dstStrides, shape);
        }
    }
}
