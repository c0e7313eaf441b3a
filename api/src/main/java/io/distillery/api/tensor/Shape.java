package io.distillery.api.tensor;

import java.util.Arrays;

/**
 * An immutable tensor shape: the size of each axis, outermost first (row-major).
 *
 * <p>Two shapes are equal when they have the same rank and the same size on every axis. Axis arguments
 * may be negative and then count from the end ({@code -1} is the last axis), as in NumPy.
 */
public final class Shape {
    private static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final int size;

    private Shape(int[] dims) {
        this.dims = dims;
        long n = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(dims));
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has more than 2^31-1 elements");
            }
        }
        this.size = (int) n;
    }

    /**
     * Returns the shape with the given axis sizes.
     *
     * @param dims the size of each axis, outermost first; none may be negative
     * @return the shape
     */
    public static Shape of(int... dims) {
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    /** @return the shape of a scalar: rank 0, one element */
    public static Shape scalar() {
        return SCALAR;
    }

    /** @return the number of axes */
    public int rank() {
        return dims.length;
    }

    /**
     * @param axis an axis, negative counting from the end
     * @return the size of that axis
     */
    public int dim(int axis) {
        return dims[axis(axis)];
    }

    /** @return the number of elements: the product of all axis sizes */
    public int size() {
        return size;
    }

    /** @return a copy of the axis sizes */
    public int[] toArray() {
        return dims.clone();
    }

    /**
     * Normalises an axis argument.
     *
     * @param axis an axis, negative counting from the end
     * @return the axis as an index in {@code [0, rank)}
     * @throws IllegalArgumentException if the axis is out of range for this shape
     */
    public int axis(int axis) {
        int a = axis < 0 ? axis + dims.length : axis;
        if (a < 0 || a >= dims.length) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for shape " + this);
        }
        return a;
    }

    /**
     * @param from the first axis, inclusive
     * @param to the last axis, exclusive
     * @return the product of the sizes of axes {@code [from, to)}
     */
    public int sizeBetween(int from, int to) {
        int n = 1;
        for (int i = from; i < to; i++) {
            n *= dims[i];
        }
        return n;
    }

    /**
     * @param from the first axis, inclusive
     * @param to the last axis, exclusive
     * @return the shape of axes {@code [from, to)}, e.g. the spatial axes {@code subshape(2, rank())} of a feature map
     */
    public Shape subshape(int from, int to) {
        if (from < 0 || to > dims.length || from > to) {
            throw new IllegalArgumentException("axes [" + from + ", " + to + ") are out of range for shape " + this);
        }
        return Shape.of(Arrays.copyOfRange(dims, from, to));
    }

    /**
     * @param axis the axis to replace, negative counting from the end
     * @param size its new size
     * @return this shape with one axis resized
     */
    public Shape with(int axis, int size) {
        int[] d = dims.clone();
        d[axis(axis)] = size;
        return new Shape(d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** @return the axis sizes in brackets, e.g. {@code [64, 784]} */
    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
