package io.distillery.api.backend;

import java.util.Arrays;

/**
 * The element layout the SPI's shaped kernels use: row-major, contiguous buffers, and operands broadcast to the
 * output's shape along axes of size 1. Backends derive their loops' strides from it rather than each writing the
 * contract down again.
 */
public final class Broadcast {
    private Broadcast() {
    }

    /**
     * @param shape a shape
     * @return its number of elements
     */
    public static long size(int[] shape) {
        long size = 1;
        for (int s : shape) {
            size *= s;
        }
        return size;
    }

    /**
     * @param shape a shape
     * @return the row-major strides of a contiguous buffer of that shape, in elements
     */
    public static long[] contiguous(int[] shape) {
        long[] strides = new long[shape.length];
        long step = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = step;
            step *= shape[d];
        }
        return strides;
    }

    /**
     * Strides for reading a contiguous operand broadcast to the output's shape: 0 along the axes it is broadcast
     * along.
     *
     * @param shape the operand's shape, of the output's rank, each size equal to the output's or 1
     * @param out the output's shape
     * @param role the operand's name, for the error message
     * @return the strides, in elements
     * @throws IllegalArgumentException if the operand does not broadcast to the output
     */
    public static long[] strides(int[] shape, int[] out, String role) {
        if (shape.length != out.length) {
            throw new IllegalArgumentException(role + " shape " + Arrays.toString(shape)
                    + " does not have the rank of output shape " + Arrays.toString(out));
        }
        long[] strides = new long[shape.length];
        long step = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != out[d] && shape[d] != 1) {
                throw new IllegalArgumentException(role + " shape " + Arrays.toString(shape)
                        + " does not broadcast to " + Arrays.toString(out) + " along axis " + d);
            }
            strides[d] = shape[d] == 1 ? 0 : step;
            step *= shape[d];
        }
        return strides;
    }
}
