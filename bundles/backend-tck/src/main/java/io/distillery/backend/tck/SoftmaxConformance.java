package io.distillery.backend.tck;

import io.distillery.api.backend.Buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance of {@code softmax} and log-softmax along the middle axis: size-1 axes, rows and columns, and
 * inputs large enough that an unshifted exp would overflow, in place and out of place.
 */
public abstract class SoftmaxConformance extends KernelTest {
    static final int[][] SHAPES = {{1, 1, 1}, {4, 10, 1}, {2, 7, 3}, {1, 1000, 1}, {64, 10, 1}, {3, 5, 600}};

    /** Input ranges: ordinary logits; large ones (exp overflows beyond 88); a spread so wide most exps underflow. */
    static final double[][] RANGES = {{-5, 5}, {900, 1000}, {-3e4, 3e4}};

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (boolean log : new boolean[] {false, true}) {
            for (int[] s : SHAPES) {
                for (double[] range : RANGES) {
                    cases.add(Arguments.of(log, s[0], s[1], s[2], range[0], range[1]));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "log={0} [{1}, {2}, {3}] in [{4}, {5})")
    @MethodSource("cases")
    void matchesReference(boolean log, int outer, int n, int inner, double lo, double hi) {
        float[] x = Values.uniform(new SplittableRandom(n * 7L + inner), outer * n * inner, lo, hi);
        Buffer y = upload(Values.filled(x.length, Float.NaN));
        backend().softmax(upload(x), outer, n, inner, log, y);
        Check.close(kernel(log, outer, n, inner, lo, hi), download(y),
                ReferenceReductions.softmax(x, outer, n, inner, log), Tolerances.softmax(n));
    }

    @ParameterizedTest(name = "log={0} [{1}, {2}, {3}] in [{4}, {5}) in place")
    @MethodSource("cases")
    void inPlace(boolean log, int outer, int n, int inner, double lo, double hi) {
        float[] x = Values.uniform(new SplittableRandom(n * 7L + inner), outer * n * inner, lo, hi);
        Buffer buffer = upload(x);
        backend().softmax(buffer, outer, n, inner, log, buffer);
        Check.close(kernel(log, outer, n, inner, lo, hi) + " in place", download(buffer),
                ReferenceReductions.softmax(x, outer, n, inner, log), Tolerances.softmax(n));
    }

    private static String kernel(boolean log, int outer, int n, int inner, double lo, double hi) {
        return (log ? "log-softmax" : "softmax") + " [" + outer + ", " + n + ", " + inner + "] of inputs in ["
                + lo + ", " + hi + ")";
    }
}
