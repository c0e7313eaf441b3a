package io.distillery.backend.jvm;

import io.distillery.api.backend.BinaryOp;
import io.distillery.api.backend.Broadcast;
import io.distillery.api.backend.UnaryOp;

import java.util.Arrays;

/**
 * The element-wise kernels: unary functions, broadcasting binary operations and select.
 *
 * <p>Every loop indexes all its arrays with the same expression, the only shape C2 vectorises on Java 17.
 * Operands already lined up with the output (same shape) are used in place; broadcast ones are first staged
 * into scratch arrays a piece at a time, which costs two copies through the L1 cache and keeps the loop
 * vectorised.
 */
final class Elementwise {
    /** Elements below which a task is not worth starting: roughly 20 microseconds of streaming work. */
    static final long GRAIN = 1 << 15;
    /** Longest piece staged at once: three scratch arrays of it fit in the L1 cache with room to spare. */
    static final int PIECE = 1024;

    private final WorkerPool pool;

    Elementwise(WorkerPool pool) {
        this.pool = pool;
    }

    void unary(UnaryOp op, float p, float q, float[] x, float[] y, int length) {
        int tasks = WorkerPool.tasks(length, GRAIN, length);
        pool.run(tasks, t -> unaryRange(op, p, q, x, y,
                (int) WorkerPool.start(length, tasks, t), (int) WorkerPool.start(length, tasks, t + 1)));
    }

    void binary(BinaryOp op, float[] a, int[] aShape, float[] b, int[] bShape, float[] out, int[] outShape) {
        binary(op, a, aShape, b, bShape, out, outShape, null, 0f);
    }

    /**
     * A broadcasting binary operation followed, piece by piece while the result is still in the L1 cache, by a
     * unary function: the bias-and-activation epilogue of a layer.
     *
     * @param then the function applied to the result in place, or {@code null} for none
     * @param p the function's first parameter
     */
    void binary(BinaryOp op, float[] a, int[] aShape, float[] b, int[] bShape, float[] out, int[] outShape,
            UnaryOp then, float p) {
        StridedLoop loop = StridedLoop.of(outShape, new long[][] {Broadcast.contiguous(outShape),
                Broadcast.strides(aShape, outShape, "binary " + op + " a"),
                Broadcast.strides(bShape, outShape, "binary " + op + " b")}, new long[3], PIECE, false);
        long sa = loop.rowStride(1);
        long sb = loop.rowStride(2);
        loop.run(pool, GRAIN, () -> {
            float[] stageA = new float[PIECE];
            float[] stageB = new float[PIECE];
            return (offsets, length) -> {
                int o = (int) offsets[0];
                if (sa == 1 && sb == 1 && offsets[1] == o && offsets[2] == o) {
                    binaryRange(op, a, b, out, o, o + length);
                    if (then != null) {
                        unaryRange(then, p, 0f, out, out, o, o + length);
                    }
                } else {
                    stage(a, offsets[1], sa, stageA, length);
                    stage(b, offsets[2], sb, stageB, length);
                    binaryRange(op, stageA, stageB, stageA, 0, length);
                    if (then != null) {
                        unaryRange(then, p, 0f, stageA, stageA, 0, length);
                    }
                    System.arraycopy(stageA, 0, out, o, length);
                }
            };
        });
    }

    void select(float[] cond, int[] condShape, float[] a, int[] aShape, float[] b, int[] bShape,
            float[] out, int[] outShape) {
        StridedLoop loop = StridedLoop.of(outShape, new long[][] {Broadcast.contiguous(outShape),
                Broadcast.strides(condShape, outShape, "select condition"),
                Broadcast.strides(aShape, outShape, "select a"),
                Broadcast.strides(bShape, outShape, "select b")}, new long[4], PIECE, false);
        loop.run(pool, GRAIN, () -> {
            float[] stageC = new float[PIECE];
            float[] stageA = new float[PIECE];
            float[] stageB = new float[PIECE];
            return (offsets, length) -> {
                stage(cond, offsets[1], loop.rowStride(1), stageC, length);
                stage(a, offsets[2], loop.rowStride(2), stageA, length);
                stage(b, offsets[3], loop.rowStride(3), stageB, length);
                for (int i = 0; i < length; i++) {
                    stageA[i] = stageC[i] != 0f ? stageA[i] : stageB[i];
                }
                System.arraycopy(stageA, 0, out, (int) offsets[0], length);
            };
        });
    }

    /**
     * Copies a piece of a broadcast operand to the front of {@code dst}. Its elements are 1 apart, or 0 apart
     * (one value repeated) along a broadcast axis: the innermost axis an operand does not broadcast along is
     * always contiguous.
     */
    static void stage(float[] src, long offset, long stride, float[] dst, int length) {
        if (stride == 0) {
            Arrays.fill(dst, 0, length, src[(int) offset]);
        } else {
            System.arraycopy(src, (int) offset, dst, 0, length);
        }
    }

    /** {@code y[i] = op(x[i])} for {@code i} in {@code [from, to)}. */
    static void unaryRange(UnaryOp op, float p, float q, float[] x, float[] y, int from, int to) {
        switch (op) {
            case NEG -> { for (int i = from; i < to; i++) { y[i] = -x[i]; } }
            case ABS -> { for (int i = from; i < to; i++) { y[i] = Math.abs(x[i]); } }
            case SIGN -> { for (int i = from; i < to; i++) { y[i] = Math.signum(x[i]); } }
            case ROUND -> { for (int i = from; i < to; i++) { y[i] = roundHalfAway(x[i]); } }
            case EXP -> { for (int i = from; i < to; i++) { y[i] = (float) Math.exp(x[i]); } }
            case LOG -> { for (int i = from; i < to; i++) { y[i] = (float) Math.log(x[i]); } }
            case SQRT -> { for (int i = from; i < to; i++) { y[i] = (float) Math.sqrt(x[i]); } }
            case POW -> { for (int i = from; i < to; i++) { y[i] = (float) Math.pow(x[i], p); } }
            case RELU -> { for (int i = from; i < to; i++) { y[i] = Math.max(x[i], 0f); } }
            case LEAKY_RELU -> { for (int i = from; i < to; i++) { y[i] = leakyRelu(x[i], p); } }
            case SIGMOID -> { for (int i = from; i < to; i++) { y[i] = sigmoid(x[i]); } }
            case TANH -> { for (int i = from; i < to; i++) { y[i] = (float) Math.tanh(x[i]); } }
            case CLAMP -> { for (int i = from; i < to; i++) { y[i] = Math.min(Math.max(x[i], p), q); } }
            case AFFINE -> { for (int i = from; i < to; i++) { y[i] = p * x[i] + q; } }
        }
    }

    /** {@code o[i] = a[i] op b[i]} for {@code i} in {@code [from, to)}. */
    static void binaryRange(BinaryOp op, float[] a, float[] b, float[] o, int from, int to) {
        switch (op) {
            case ADD -> { for (int i = from; i < to; i++) { o[i] = a[i] + b[i]; } }
            case SUB -> { for (int i = from; i < to; i++) { o[i] = a[i] - b[i]; } }
            case MUL -> { for (int i = from; i < to; i++) { o[i] = a[i] * b[i]; } }
            case DIV -> { for (int i = from; i < to; i++) { o[i] = a[i] / b[i]; } }
            case POW -> { for (int i = from; i < to; i++) { o[i] = (float) Math.pow(a[i], b[i]); } }
            case MAX -> { for (int i = from; i < to; i++) { o[i] = Math.max(a[i], b[i]); } }
            case MIN -> { for (int i = from; i < to; i++) { o[i] = Math.min(a[i], b[i]); } }
            case EQ -> { for (int i = from; i < to; i++) { o[i] = a[i] == b[i] ? 1f : 0f; } }
            case GT -> { for (int i = from; i < to; i++) { o[i] = a[i] > b[i] ? 1f : 0f; } }
            case GE -> { for (int i = from; i < to; i++) { o[i] = a[i] >= b[i] ? 1f : 0f; } }
            case LT -> { for (int i = from; i < to; i++) { o[i] = a[i] < b[i] ? 1f : 0f; } }
            case LE -> { for (int i = from; i < to; i++) { o[i] = a[i] <= b[i] ? 1f : 0f; } }
        }
    }

    /** Rounds halves away from zero; in double, where {@code |x| + 0.5} is exact for every float. */
    static float roundHalfAway(float x) {
        return (float) Math.copySign(Math.floor(Math.abs((double) x) + 0.5), x);
    }

    /** {@code x > 0 ? x : slope * x}, written without a branch so that loops over it vectorise. */
    static float leakyRelu(float x, float slope) {
        return Math.max(x, 0f) + slope * Math.min(x, 0f);
    }

    /** The logistic function, evaluated in double so that the float result is correctly rounded or nearly. */
    static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }
}
