package io.distillery.backend.tck;

/**
 * The allowed error of every kernel, each with the reason for its size.
 *
 * <p>Every backend is held to these; a faster algorithm that needs more room (say, TF32 products) is a
 * different contract, not a looser test.
 */
public final class Tolerances {
    /** Copies, selections, comparisons, max, min, sign changes and rounding to integers do no arithmetic. */
    public static final Tolerance EXACT = new Tolerance(0, 0);

    /** One IEEE operation (+, -, *, sqrt) rounds once, to within half an ulp; one ulp leaves room. */
    public static final Tolerance ONE_OPERATION = new Tolerance(1, 0);

    /** Division may be a reciprocal and a multiplication: two roundings. */
    public static final Tolerance DIVISION = new Tolerance(2, 0);

    /** exp, log, pow, tanh and sigmoid are within an ulp or two of exact in any libm; inputs are exact. */
    public static final Tolerance TRANSCENDENTAL = new Tolerance(4, 0);

    /** {@code p * x + q} rounds twice, and may cancel: relative to {@code |p x| + |q|}. */
    public static final Tolerance AFFINE = new Tolerance(1, 2);

    /** A fused kernel and its composition from primitives each round a handful of times per element. */
    public static final Tolerance FUSED = new Tolerance(4, 16);

    private Tolerances() {
    }

    /**
     * A sum of products or values: float32 accumulation in any order is within {@code (terms - 1)} unit
     * roundoffs of {@code sum |term|} (Higham's gamma bound), plus one for a final scaling and one ulp for the
     * result's own rounding.
     *
     * @param terms the number of terms summed into one element
     * @return the tolerance, to be used with {@code sum |term|} as the scale
     */
    public static Tolerance sum(long terms) {
        return new Tolerance(1, terms + 1);
    }

    /**
     * Softmax over {@code n} values: each exp and subtraction is within a few ulps, and the normaliser is a sum
     * of {@code n} terms whose relative error becomes the output's relative error (softmax) or absolute error
     * (log-softmax).
     *
     * @param n the normalised axis' size
     * @return the tolerance, to be used with {@code |y|} (softmax) or {@code |log sum| + 1} (log-softmax) as
     *     the scale
     */
    public static Tolerance softmax(int n) {
        return new Tolerance(TRANSCENDENTAL.ulps(), n + TRANSCENDENTAL.ulps());
    }
}
