package io.distillery.backend.nd4j;

import static io.distillery.backend.nd4j.Scratch.CHUNK;

import io.distillery.api.backend.BinaryOp;
import io.distillery.api.backend.Broadcast;
import io.distillery.api.backend.UnaryOp;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The element-wise kernels: unary functions, broadcasting binary operations and select, chunk by chunk through
 * scratch arrays.
 *
 * <p>An operand lined up with the output is copied in with one bulk transfer per chunk; one broadcast along the
 * innermost axis is a single value, filled in. Long operations are shared out among the {@link Workers}.
 */
final class Elementwise {
    private Elementwise() {
    }

    static void unary(UnaryOp op, float p, float q, FloatBuffer x, FloatBuffer y, int length) {
        Workers.ranges((length + CHUNK - 1) / CHUNK, length, (first, last) -> {
            float[] s = Scratch.chunk(0);
            for (int from = first * CHUNK; from < Math.min(length, last * CHUNK); from += CHUNK) {
                int n = Math.min(CHUNK, length - from);
                x.get(from, s, 0, n);
                Functions.unary(op, p, q, s, s, n);
                y.put(from, s, 0, n);
            }
        });
    }

    static void binary(BinaryOp op, FloatBuffer a, int[] aShape, FloatBuffer b, int[] bShape, FloatBuffer out,
            int[] outShape) {
        Rows rows = Rows.of(outShape, new long[][] {Broadcast.contiguous(outShape),
                Broadcast.strides(aShape, outShape, "binary " + op + " a"),
                Broadcast.strides(bShape, outShape, "binary " + op + " b")}, new long[3]);
        long strideA = rows.rowStride(1);
        long strideB = rows.rowStride(2);
        rows.run(CHUNK, (offsets, n) -> {
            float[] sa = Scratch.chunk(0);
            float[] sb = Scratch.chunk(1);
            load(a, offsets[1], strideA, sa, n);
            load(b, offsets[2], strideB, sb, n);
            Functions.binary(op, sa, sb, sa, n);
            out.put((int) offsets[0], sa, 0, n);
        });
    }

    static void select(FloatBuffer cond, int[] condShape, FloatBuffer a, int[] aShape, FloatBuffer b, int[] bShape,
            FloatBuffer out, int[] outShape) {
        Rows rows = Rows.of(outShape, new long[][] {Broadcast.contiguous(outShape),
                Broadcast.strides(condShape, outShape, "select condition"), Broadcast.strides(aShape, outShape, "select a"),
                Broadcast.strides(bShape, outShape, "select b")}, new long[4]);
        rows.run(CHUNK, (offsets, n) -> {
            float[] sc = Scratch.chunk(0);
            float[] sa = Scratch.chunk(1);
            float[] sb = Scratch.chunk(2);
            load(cond, offsets[1], rows.rowStride(1), sc, n);
            load(a, offsets[2], rows.rowStride(2), sa, n);
            load(b, offsets[3], rows.rowStride(3), sb, n);
            for (int i = 0; i < n; i++) {
                sa[i] = sc[i] != 0f ? sa[i] : sb[i];
            }
            out.put((int) offsets[0], sa, 0, n);
        });
    }

    /**
     * Copies a piece of an operand to the front of {@code dst}: its elements are 1 apart, or 0 apart (one value
     * repeated) along a broadcast axis, the only two steps an operand's innermost kept axis can have.
     */
    static void load(FloatBuffer src, long offset, long stride, float[] dst, int n) {
        if (stride == 0) {
            Arrays.fill(dst, 0, n, src.get((int) offset));
        } else {
            src.get((int) offset, dst, 0, n);
        }
    }

}
