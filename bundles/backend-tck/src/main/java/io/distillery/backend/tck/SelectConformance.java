package io.distillery.backend.tck;

import io.distillery.api.backend.Buffer;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Conformance of {@code select}: all three operands broadcast in turn, and together. */
public abstract class SelectConformance extends KernelTest {

    /**
     * Operand and output shapes.
     *
     * @param cond the condition's shape
     * @param a the first choice's shape
     * @param b the second choice's shape
     * @param out the output's shape
     */
    record Shapes(int[] cond, int[] a, int[] b, int[] out) {
        @Override
        public String toString() {
            return Arrays.toString(cond) + " ? " + Arrays.toString(a) + " : " + Arrays.toString(b) + " -> "
                    + Arrays.toString(out);
        }
    }

    static List<Shapes> shapes() {
        return List.of(
                new Shapes(new int[] {6, 5}, new int[] {6, 5}, new int[] {6, 5}, new int[] {6, 5}),
                new Shapes(new int[] {6, 1}, new int[] {1, 5}, new int[] {6, 5}, new int[] {6, 5}),
                new Shapes(new int[] {1, 1}, new int[] {6, 5}, new int[] {1, 1}, new int[] {6, 5}),
                new Shapes(new int[] {2, 1, 3}, new int[] {1, 4, 1}, new int[] {2, 4, 3}, new int[] {2, 4, 3}),
                new Shapes(new int[] {0, 2}, new int[] {0, 2}, new int[] {1, 2}, new int[] {0, 2}),
                new Shapes(new int[] {70_001}, new int[] {1}, new int[] {70_001}, new int[] {70_001}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void matchesReference(Shapes s) {
        SplittableRandom random = new SplittableRandom(s.toString().hashCode());
        float[] cond = Values.integers(random, Values.size(s.cond()), 0, 1);
        float[] a = Values.uniform(random, Values.size(s.a()), -1, 1);
        float[] b = Values.uniform(random, Values.size(s.b()), -1, 1);
        for (int i = 0; i < cond.length; i += 3) {
            cond[i] = -0.5f; // any non-zero value is true
        }
        double[] y = new double[Values.size(s.out())];
        for (int i = 0; i < y.length; i++) {
            y[i] = cond[ReferenceElementwise.broadcastIndex(s.cond(), s.out(), i)] != 0
                    ? a[ReferenceElementwise.broadcastIndex(s.a(), s.out(), i)]
                    : b[ReferenceElementwise.broadcastIndex(s.b(), s.out(), i)];
        }
        Buffer out = upload(Values.filled(y.length, Float.NaN));
        backend().select(upload(cond), s.cond(), upload(a), s.a(), upload(b), s.b(), out, s.out());
        Check.close("select " + s, download(out), Expected.of(y), Tolerances.EXACT);
    }
}
