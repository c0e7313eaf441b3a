package io.distillery.backend.tck;

/**
 * How far a float32 result may be from the exact value: {@code ulps} units in the last place of the exact
 * value, plus {@code roundings} times the unit roundoff 2<sup>-24</sup> times the size of the terms it was
 * computed from.
 *
 * <p>The second part bounds errors that scale with the inputs rather than the result: a sum of {@code n}
 * terms computed in float32 in any order is within {@code (n - 1) * 2^-24 * sum |term|} of the exact sum
 * (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, section 4.2), however small the sum is.
 *
 * @param ulps allowed error in units in the last place of the expected value
 * @param roundings allowed error in unit roundoffs of the element's scale
 */
public record Tolerance(double ulps, double roundings) {
    /** The unit roundoff of float32. */
    public static final double UNIT_ROUNDOFF = 0x1p-24;

    /**
     * @param expected the exact value
     * @param scale the size of the terms it is computed from, e.g. {@code sum |a_i * b_i|} for a dot product
     * @return the largest error allowed
     */
    public double allowed(double expected, double scale) {
        return ulps * Math.ulp((float) expected) + roundings * UNIT_ROUNDOFF * scale;
    }
}
