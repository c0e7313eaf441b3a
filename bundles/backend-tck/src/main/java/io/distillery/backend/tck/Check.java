package io.distillery.backend.tck;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares a kernel's float32 output with the exact values, element by element, and on failure reports the
 * kernel, its shapes and the worst element.
 */
final class Check {
    private Check() {
    }

    /**
     * @param kernel the kernel and its arguments, e.g. {@code "gemm Gemm[m=3, ...]"}
     * @param actual the kernel's output
     * @param expected the exact values and their scales
     * @param tolerance the allowed error
     */
    static void close(String kernel, float[] actual, Expected expected, Tolerance tolerance) {
        double[] value = expected.value();
        if (actual.length != value.length) {
            fail(kernel + ": expected " + value.length + " elements, got " + actual.length);
        }
        int worst = -1;
        double worstExcess = 1;
        int bad = 0;
        for (int i = 0; i < value.length; i++) {
            double excess = excess(actual[i], value[i], expected.scale()[i], tolerance);
            if (excess > 1) {
                bad++;
                if (excess > worstExcess) {
                    worst = i;
                    worstExcess = excess;
                }
            }
        }
        if (bad > 0) {
            fail(String.format("%s: %d of %d elements out of %s; worst is element %d = %s, should be %s +- %.3g",
                    kernel, bad, value.length, tolerance, worst, actual[worst], value[worst],
                    tolerance.allowed(value[worst], expected.scale()[worst])));
        }
    }

    /** @return the error over the allowed error: at most 1 passes; NaNs and infinities match only themselves */
    private static double excess(float actual, double expected, double scale, Tolerance tolerance) {
        if (!Double.isFinite(expected) || !Float.isFinite(actual)) {
            boolean same = actual == expected || Double.isNaN(expected) && Float.isNaN(actual);
            return same ? 0 : Double.POSITIVE_INFINITY;
        }
        double error = Math.abs(actual - expected);
        return error == 0 ? 0 : error / tolerance.allowed(expected, scale);
    }
}
