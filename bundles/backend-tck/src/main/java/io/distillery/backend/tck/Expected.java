package io.distillery.backend.tck;

import java.util.Arrays;

/**
 * The exact result of a kernel as the reference computes it in double precision, with the scale of each
 * element: the size of the terms it was computed from, against which rounding errors are measured.
 *
 * @param value the exact values
 * @param scale per element, e.g. {@code sum |a_i b_i|} for a dot product
 */
record Expected(double[] value, double[] scale) {

    /**
     * @param value exact values whose rounding does not depend on their inputs' size
     * @return the expectation, each element its own scale
     */
    static Expected of(double[] value) {
        return new Expected(value, Arrays.stream(value).map(Math::abs).toArray());
    }

    /**
     * @param values float values expected unchanged, or exactly
     * @return the expectation
     */
    static Expected of(float[] values) {
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i];
        }
        return of(v);
    }
}
