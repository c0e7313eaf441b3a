package io.distillery.backend.nd4j;

import static io.distillery.backend.nd4j.Scratch.CHUNK;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The strided copy kernel: transposes, slices, concatenation and broadcast expansion.
 *
 * <p>Contiguous rows move with one native-to-native bulk transfer, rows read from a zero stride are fills, and
 * only genuinely strided rows take an element loop.
 */
final class StridedCopy {
    private StridedCopy() {
    }

    static void copy(FloatBuffer src, long srcOffset, long[] srcStrides, FloatBuffer dst, long dstOffset,
            long[] dstStrides, int[] shape) {
        if (srcStrides.length != shape.length || dstStrides.length != shape.length) {
            throw new IllegalArgumentException("copy strides " + Arrays.toString(srcStrides) + " and "
                    + Arrays.toString(dstStrides) + " do not match shape " + Arrays.toString(shape));
        }
        Rows rows = Rows.of(shape, new long[][] {dstStrides, srcStrides}, new long[] {dstOffset, srcOffset});
        int ds = (int) rows.rowStride(0);
        int ss = (int) rows.rowStride(1);
        rows.run(CHUNK, (offsets, n) -> {
            int d = (int) offsets[0];
            int s = (int) offsets[1];
            if (ds == 1 && ss == 1) {
                dst.put(d, src, s, n);
            } else if (ds == 1 && ss == 0) {
                float[] fill = Scratch.chunk(0);
                Arrays.fill(fill, 0, n, src.get(s));
                dst.put(d, fill, 0, n);
            } else {
                for (int i = 0; i < n; i++, d += ds, s += ss) {
                    dst.put(d, src.get(s));
                }
            }
        });
    }
}
