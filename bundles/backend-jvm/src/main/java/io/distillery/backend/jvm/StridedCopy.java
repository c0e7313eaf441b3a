package io.distillery.backend.jvm;

import java.util.Arrays;

/**
 * The strided copy kernel: transposes, slices, concatenation and broadcast expansion.
 *
 * <p>Contiguous rows become {@link System#arraycopy} calls and rows read from a zero stride become
 * {@link Arrays#fill} calls; only genuinely strided rows take an element loop, in tiles.
 */
final class StridedCopy {
    /** Copies below this many elements stay on the calling thread. */
    private static final long GRAIN = 1 << 16;
    /** Long rows are cut into pieces of this length so that a single long row can still be shared out. */
    private static final int PIECE = 1 << 14;
    /**
     * Strided rows are copied in pieces this long, the first piece of every row before the second: a transpose
     * then works in tiles whose strided side stays in the L1 cache.
     */
    private static final int TILE = 256;

    private final WorkerPool pool;

    StridedCopy(WorkerPool pool) {
        this.pool = pool;
    }

    void copy(float[] src, long srcOffset, long[] srcStrides, float[] dst, long dstOffset, long[] dstStrides,
            int[] shape) {
        if (srcStrides.length != shape.length || dstStrides.length != shape.length) {
            throw new IllegalArgumentException("copy strides " + Arrays.toString(srcStrides) + " and "
                    + Arrays.toString(dstStrides) + " do not match shape " + Arrays.toString(shape));
        }
        long[][] strides = {dstStrides, srcStrides};
        long[] base = {dstOffset, srcOffset};
        StridedLoop rows = StridedLoop.of(shape, strides, base, PIECE, false);
        boolean contiguous = rows.rowStride(0) == 1 && (rows.rowStride(1) == 1 || rows.rowStride(1) == 0);
        StridedLoop loop = contiguous ? rows : StridedLoop.of(shape, strides, base, TILE, true);
        long ds = loop.rowStride(0);
        long ss = loop.rowStride(1);
        loop.run(pool, GRAIN, () -> (offsets, length) -> {
            int d = (int) offsets[0];
            int s = (int) offsets[1];
            if (ds == 1 && ss == 1) {
                System.arraycopy(src, s, dst, d, length);
            } else if (ds == 1 && ss == 0) {
                Arrays.fill(dst, d, d + length, src[s]);
            } else {
                int dStep = (int) ds;
                int sStep = (int) ss;
                for (int i = 0; i < length; i++, d += dStep, s += sStep) {
                    dst[d] = src[s];
                }
            }
        });
    }
}
