package io.distillery.backend.nd4j;

import java.util.Arrays;

/**
 * An index space walked row by row, with one stride per axis for each of several operands: the loop behind
 * strided copy and the broadcasting element-wise kernels.
 *
 * <p>Axes of size 1 are dropped and neighbouring axes that every operand steps through as one are merged, so
 * the innermost axis, the row, is as long as it can be: a same-shape operation is a single row, a bias added to
 * a matrix is one row per matrix row. Rows longer than a piece are handed out in pieces.
 */
final class Rows {
    /** Receives one piece of a row. */
    interface Piece {
        /**
         * @param offsets per operand, the element of the piece's first index
         * @param length the number of elements, at least 1
         */
        void run(long[] offsets, int length);
    }

    private final int[] shape;
    private final long[][] strides;
    private final long[] base;

    private Rows(int[] shape, long[][] strides, long[] base) {
        this.shape = shape;
        this.strides = strides;
        this.base = base;
    }

    /**
     * Plans a walk, simplifying the index space first.
     *
     * @param shape the sizes of the index space
     * @param strides per operand, the step of each axis in elements
     * @param base per operand, the element of index tuple 0
     * @return the walk
     */
    static Rows of(int[] shape, long[][] strides, long[] base) {
        int operands = base.length;
        int[] kept = new int[shape.length];
        long[][] keptStrides = new long[operands][shape.length];
        int rank = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 0) {
                return new Rows(new int[] {0}, new long[operands][1], base);
            }
            if (shape[d] == 1) {
                continue;
            }
            boolean merge = rank > 0;
            for (int k = 0; k < operands && merge; k++) {
                merge = keptStrides[k][rank - 1] == strides[k][d] * shape[d];
            }
            int at = merge ? rank - 1 : rank++;
            kept[at] = merge ? kept[at] * shape[d] : shape[d];
            for (int k = 0; k < operands; k++) {
                keptStrides[k][at] = strides[k][d];
            }
        }
        if (rank == 0) { // a single element
            return new Rows(new int[] {1}, new long[operands][1], base);
        }
        for (int k = 0; k < operands; k++) {
            keptStrides[k] = Arrays.copyOf(keptStrides[k], rank);
        }
        return new Rows(Arrays.copyOf(kept, rank), keptStrides, base);
    }

    /**
     * @param operand an operand's number
     * @return its step between consecutive elements of a row
     */
    long rowStride(int operand) {
        return strides[operand][shape.length - 1];
    }

    /**
     * Visits every row in pieces of at most {@code maxPiece} elements, in row-major order on each thread; long
     * walks are shared out among the {@link Workers}, so pieces must not overlap in what they write.
     *
     * @param maxPiece the longest piece
     * @param body what to do with each piece; it may run on several threads at once
     */
    void run(int maxPiece, Piece body) {
        int rank = shape.length;
        int row = shape[rank - 1];
        if (row == 0) {
            return;
        }
        int pieces = (row + maxPiece - 1) / maxPiece;
        long rows = 1;
        for (int d = 0; d < rank - 1; d++) {
            rows *= shape[d];
        }
        Workers.ranges((int) (rows * pieces), rows * row, (from, to) -> walk(from, to, pieces, maxPiece, body));
    }

    /** Visits pieces {@code [from, to)}, numbered row by row, {@code pieces} to a row. */
    private void walk(int from, int to, int pieces, int maxPiece, Piece body) {
        int rank = shape.length;
        int row = shape[rank - 1];
        int[] index = new int[rank - 1];
        long[] start = base.clone();
        long rest = from / pieces;
        for (int d = rank - 2; d >= 0; d--) { // the first row's index tuple and offsets
            index[d] = (int) (rest % shape[d]);
            rest /= shape[d];
            for (int k = 0; k < start.length; k++) {
                start[k] += index[d] * strides[k][d];
            }
        }
        long[] offsets = new long[base.length];
        int piece = from % pieces;
        for (int p = from; p < to; p++) {
            int at = piece * maxPiece;
            for (int k = 0; k < offsets.length; k++) {
                offsets[k] = start[k] + at * strides[k][rank - 1];
            }
            body.run(offsets, Math.min(maxPiece, row - at));
            if (++piece < pieces) {
                continue;
            }
            piece = 0;
            int d = rank - 2;
            for (; d >= 0 && ++index[d] == shape[d]; d--) { // an odometer over the outer axes
                index[d] = 0;
                for (int k = 0; k < start.length; k++) {
                    start[k] -= (long) (shape[d] - 1) * strides[k][d];
                }
            }
            if (d >= 0) {
                for (int k = 0; k < start.length; k++) {
                    start[k] += strides[k][d];
                }
            }
        }
    }
}
