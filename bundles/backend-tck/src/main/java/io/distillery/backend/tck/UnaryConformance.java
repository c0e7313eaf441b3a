package io.distillery.backend.tck;

import io.distillery.api.backend.Buffer;
import io.distillery.api.backend.UnaryOp;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Conformance of {@code unary}: every function over its domain with special values (signed zeros, halves for
 * rounding), out of place and in place, over a length that leaves the rest of the buffers alone.
 */
public abstract class UnaryConformance extends KernelTest {
    private static final int LENGTH = 70_001;
    private static final float[] SPECIAL = {0f, -0f, 0.5f, -0.5f, 1.5f, -2.5f, 0.49999997f, 1f, -1f, 3f, 1e-30f};

    /** @return the function's parameters {@code p, q} used here */
    static float[] parameters(UnaryOp op) {
        return switch (op) {
            case POW -> new float[] {-1.5f, 0};
            case LEAKY_RELU -> new float[] {0.1f, 0};
            case CLAMP -> new float[] {-1, 2};
            case AFFINE -> new float[] {1.5f, -0.25f};
            default -> new float[] {0, 0};
        };
    }

    /** @return inputs inside the function's domain, led by special values */
    static float[] inputs(UnaryOp op, int length) {
        SplittableRandom random = new SplittableRandom(op.ordinal());
        boolean positive = op == UnaryOp.LOG || op == UnaryOp.SQRT || op == UnaryOp.POW;
        float[] x = op == UnaryOp.EXP ? Values.uniform(random, length, -80, 80)
                : positive ? Values.uniform(random, length, 1e-3, 100) : Values.uniform(random, length, -10, 10);
        for (int i = 0; i < SPECIAL.length && i < length; i++) {
            x[i] = positive ? Math.abs(SPECIAL[i]) + 1e-3f : SPECIAL[i];
        }
        return x;
    }

    /** The output buffer after the call, given its contents before: the first {@code length} elements change. */
    private static Expected expected(UnaryOp op, float[] x, int length, float[] before) {
        float[] pq = parameters(op);
        double[] y = new double[before.length];
        for (int i = 0; i < before.length; i++) {
            y[i] = i < length ? ReferenceElementwise.unary(op, x[i], pq[0], pq[1]) : before[i];
        }
        double[] scale = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            scale[i] = op == UnaryOp.AFFINE && i < length ? Math.abs(pq[0] * x[i]) + Math.abs(pq[1]) : Math.abs(y[i]);
        }
        return new Expected(y, scale);
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void outOfPlace(UnaryOp op) {
        float[] x = inputs(op, LENGTH + 3);
        float[] y = Values.filled(LENGTH + 3, 42);
        Buffer out = upload(y);
        float[] pq = parameters(op);
        backend().unary(op, pq[0], pq[1], upload(x), out, LENGTH);
        Check.close("unary " + op + " length " + LENGTH + " of " + y.length, download(out),
                expected(op, x, LENGTH, y), ReferenceElementwise.tolerance(op));
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void writesNothingForLengthZero(UnaryOp op) {
        float[] y = Values.filled(3, 42);
        Buffer out = upload(y);
        float[] pq = parameters(op);
        backend().unary(op, pq[0], pq[1], upload(inputs(op, 3)), out, 0);
        Check.close("unary " + op + " length 0", download(out), Expected.of(y), Tolerances.EXACT);
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void inPlace(UnaryOp op) {
        float[] x = inputs(op, 257);
        Buffer buffer = upload(x);
        float[] pq = parameters(op);
        backend().unary(op, pq[0], pq[1], buffer, buffer, x.length);
        Check.close("unary " + op + " in place, length " + x.length, download(buffer), expected(op, x, x.length, x),
                ReferenceElementwise.tolerance(op));
    }
}
