package io.distillery.backend.jvm;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * An index space walked in contiguous pieces, with one stride per axis for each of several operands: the
 * loop shared by strided copy and the broadcasting element-wise kernels.
 *
 * <p>Axes of size 1 are dropped and neighbouring axes that every operand steps through as one are merged,
 * so the innermost axis, the row, is as long as it can be: a same-shape operation becomes one row, a
 * row-broadcast one rows of the broadcast length. Rows are cut into pieces of at most a given length, the
 * unit of work kernels hand out to threads.
 */
final class StridedLoop {
    private final int[] outerShape;
    private final long[][] outerStrides;
    private final long[] base;
    private final int rowLength;
    private final long[] rowStrides;
    private final int piecesPerRow;
    private final int pieceLength;
    private final long rows;
    private final boolean across;

    /** Receives one piece: each operand's offset of its first element, and its length. */
    interface Piece {
        /**
         * @param offsets per operand, the element of the piece's first index
         * @param length the number of elements, at least 1
         */
        void run(long[] offsets, int length);
    }

    private StridedLoop(int[] shape, long[][] strides, long[] base, int maxPiece, boolean across) {
        this.across = across;
        int operands = base.length;
        int rank = shape.length;
        this.base = base;
        if (rank == 0) {
            rowLength = 1;
            rowStrides = new long[operands];
            outerShape = new int[0];
            outerStrides = new long[operands][0];
        } else {
            rowLength = shape[rank - 1];
            rowStrides = new long[operands];
            for (int k = 0; k < operands; k++) {
                rowStrides[k] = strides[k][rank - 1];
            }
            outerShape = Arrays.copyOf(shape, rank - 1);
            outerStrides = new long[operands][];
            for (int k = 0; k < operands; k++) {
                outerStrides[k] = Arrays.copyOf(strides[k], rank - 1);
            }
        }
        long outer = 1;
        for (int size : outerShape) {
            outer *= size;
        }
        this.piecesPerRow = rowLength == 0 ? 0 : (rowLength + maxPiece - 1) / maxPiece;
        this.pieceLength = piecesPerRow == 0 ? 0 : (rowLength + piecesPerRow - 1) / piecesPerRow;
        this.rows = rowLength == 0 ? 0 : outer;
    }

    /**
     * Plans a loop, simplifying the index space first.
     *
     * @param shape the sizes of the index space
     * @param strides per operand, the step of each axis in elements
     * @param base per operand, the element of index tuple 0
     * @param maxPiece the longest piece handed to {@link Piece#run}
     * @param across whether to visit the pieces column by column (the first piece of every row, then the
     *     second...) rather than row by row: with short pieces, a transpose then touches the same few cache
     *     lines of its strided side piece after piece, as a tiled loop would
     * @return the loop
     */
    static StridedLoop of(int[] shape, long[][] strides, long[] base, int maxPiece, boolean across) {
        int operands = base.length;
        int[] s = new int[shape.length];
        long[][] st = new long[operands][shape.length];
        int rank = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 0) {
                return new StridedLoop(new int[] {0}, new long[operands][1], base, maxPiece, across);
            }
            if (shape[d] == 1) {
                continue;
            }
            if (rank > 0 && mergeable(st, rank - 1, strides, d, shape[d])) {
                s[rank - 1] *= shape[d];
                for (int k = 0; k < operands; k++) {
                    st[k][rank - 1] = strides[k][d];
                }
                continue;
            }
            s[rank] = shape[d];
            for (int k = 0; k < operands; k++) {
                st[k][rank] = strides[k][d];
            }
            rank++;
        }
        long[][] kept = new long[operands][];
        for (int k = 0; k < operands; k++) {
            kept[k] = Arrays.copyOf(st[k], rank);
        }
        return new StridedLoop(Arrays.copyOf(s, rank), kept, base, maxPiece, across);
    }

    /** Axis {@code d} folds into the kept axis before it when every operand steps over it as one. */
    private static boolean mergeable(long[][] kept, int last, long[][] strides, int d, int size) {
        for (int k = 0; k < kept.length; k++) {
            if (kept[k][last] != strides[k][d] * size) {
                return false;
            }
        }
        return true;
    }

    /** @return the number of pieces */
    long pieces() {
        return rows * piecesPerRow;
    }

    /** @return the number of elements */
    long elements() {
        return rows * rowLength;
    }

    /**
     * @param operand an operand's number
     * @return its step between consecutive elements of a piece
     */
    long rowStride(int operand) {
        return rowStrides[operand];
    }

    /**
     * Runs pieces {@code [from, to)} in order.
     *
     * @param from the first piece
     * @param to the end of the range
     * @param body what to do with each piece
     */
    void run(long from, long to, Piece body) {
        long[] offsets = new long[base.length];
        for (long p = from; p < to; p++) {
            long row = across ? p % rows : p / piecesPerRow;
            int start = (int) (across ? p / rows : p % piecesPerRow) * pieceLength;
            for (int k = 0; k < base.length; k++) {
                offsets[k] = base[k] + start * rowStrides[k];
            }
            for (int d = outerShape.length - 1; d >= 0 && row != 0; d--) {
                long index = row % outerShape[d];
                row /= outerShape[d];
                for (int k = 0; k < base.length; k++) {
                    offsets[k] += index * outerStrides[k][d];
                }
            }
            body.run(offsets, Math.min(pieceLength, rowLength - start));
        }
    }

    /**
     * Runs every piece, split into tasks on the pool when there are enough elements to pay for it.
     *
     * @param pool the threads
     * @param grain the fewest elements worth a task of their own
     * @param bodies makes one task's piece handler, so that each task can own its scratch arrays
     */
    void run(WorkerPool pool, long grain, Supplier<Piece> bodies) {
        long pieces = pieces();
        int tasks = WorkerPool.tasks(elements(), grain, pieces);
        pool.run(tasks, t -> run(WorkerPool.start(pieces, tasks, t), WorkerPool.start(pieces, tasks, t + 1),
                bodies.get()));
    }
}
