package io.distillery.backend.tck;

import io.distillery.api.backend.BinaryOp;
import io.distillery.api.backend.Buffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance of {@code binary} and {@code select}: every operation over broadcasts on either side, on both,
 * across several axes, with size-1 and zero-size axes, rank 0, long rows, and in place.
 */
public abstract class BinaryConformance extends KernelTest {

    /**
     * Operand and output shapes.
     *
     * @param a the left operand's shape
     * @param b the right operand's shape
     * @param out the output's shape
     */
    record Shapes(int[] a, int[] b, int[] out) {
        @Override
        public String toString() {
            return Arrays.toString(a) + " with " + Arrays.toString(b) + " -> " + Arrays.toString(out);
        }
    }

    static List<Shapes> shapes() {
        List<Shapes> shapes = new ArrayList<>(List.of(
                new Shapes(new int[] {5, 7}, new int[] {5, 7}, new int[] {5, 7}),
                new Shapes(new int[] {5, 7}, new int[] {1, 1}, new int[] {5, 7}),
                new Shapes(new int[] {1, 1}, new int[] {5, 7}, new int[] {5, 7}),
                new Shapes(new int[] {5, 7}, new int[] {1, 7}, new int[] {5, 7}),
                new Shapes(new int[] {5, 1}, new int[] {5, 7}, new int[] {5, 7}),
                new Shapes(new int[] {5, 1}, new int[] {1, 7}, new int[] {5, 7}),
                new Shapes(new int[] {2, 1, 4, 3}, new int[] {1, 3, 1, 3}, new int[] {2, 3, 4, 3}),
                new Shapes(new int[] {1, 1, 6}, new int[] {1, 1, 1}, new int[] {1, 1, 6}),
                new Shapes(new int[] {0, 3}, new int[] {1, 3}, new int[] {0, 3}),
                new Shapes(new int[] {}, new int[] {}, new int[] {}),
                new Shapes(new int[] {300, 2049}, new int[] {1, 2049}, new int[] {300, 2049}),
                new Shapes(new int[] {70_001}, new int[] {70_001}, new int[] {70_001})));
        SplittableRandom random = new SplittableRandom(5);
        for (int r = 0; r < 4; r++) {
            int[] out = new int[random.nextInt(1, 5)];
            int[] a = new int[out.length];
            int[] b = new int[out.length];
            for (int d = 0; d < out.length; d++) {
                out[d] = random.nextInt(1, 7);
                a[d] = random.nextBoolean() ? out[d] : 1;
                b[d] = random.nextBoolean() ? out[d] : 1;
            }
            shapes.add(new Shapes(a, b, out));
        }
        return shapes;
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (BinaryOp op : BinaryOp.values()) {
            for (Shapes s : shapes()) {
                cases.add(Arguments.of(op, s));
            }
        }
        return cases;
    }

    /** @return operands in the operation's domain: positive bases for pow, small integers for ties */
    static float[] operand(BinaryOp op, boolean left, int n, SplittableRandom random) {
        return switch (op) {
            case POW -> left ? Values.uniform(random, n, 0.1, 4) : Values.uniform(random, n, -3, 3);
            case DIV -> left ? Values.uniform(random, n, -10, 10) : Values.uniform(random, n, 0.5, 10);
            case MAX, MIN, EQ, GT, GE, LT, LE -> Values.integers(random, n, -2, 2);
            default -> Values.uniform(random, n, -10, 10);
        };
    }

    static Expected expected(BinaryOp op, float[] a, int[] aShape, float[] b, int[] bShape, int[] out) {
        double[] y = new double[Values.size(out)];
        for (int i = 0; i < y.length; i++) {
            y[i] = ReferenceElementwise.binary(op, a[ReferenceElementwise.broadcastIndex(aShape, out, i)],
                    b[ReferenceElementwise.broadcastIndex(bShape, out, i)]);
        }
        return Expected.of(y);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesReference(BinaryOp op, Shapes s) {
        SplittableRandom random = new SplittableRandom(s.toString().hashCode() + op.ordinal());
        float[] a = operand(op, true, Values.size(s.a()), random);
        float[] b = operand(op, false, Values.size(s.b()), random);
        Buffer out = upload(Values.filled(Values.size(s.out()), Float.NaN));
        backend().binary(op, upload(a), s.a(), upload(b), s.b(), out, s.out());
        Check.close("binary " + op + " " + s, download(out), expected(op, a, s.a(), b, s.b(), s.out()),
                ReferenceElementwise.tolerance(op));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inPlaceCases")
    void inPlace(BinaryOp op, boolean intoLeft) {
        int[] full = {4, 9};
        int[] row = {1, 9};
        SplittableRandom random = new SplittableRandom(op.ordinal());
        float[] a = operand(op, true, intoLeft ? 36 : 9, random);
        float[] b = operand(op, false, intoLeft ? 9 : 36, random);
        Buffer aBuffer = upload(a);
        Buffer bBuffer = upload(b);
        int[] aShape = intoLeft ? full : row;
        int[] bShape = intoLeft ? row : full;
        Buffer out = intoLeft ? aBuffer : bBuffer;
        backend().binary(op, aBuffer, aShape, bBuffer, bShape, out, full);
        Check.close("binary " + op + " in place into " + (intoLeft ? "a" : "b"), download(out),
                expected(op, a, aShape, b, bShape, full), ReferenceElementwise.tolerance(op));
    }

    static List<Arguments> inPlaceCases() {
        List<Arguments> cases = new ArrayList<>();
        for (BinaryOp op : BinaryOp.values()) {
            cases.add(Arguments.of(op, true));
            cases.add(Arguments.of(op, false));
        }
        return cases;
    }
}
