package io.distillery.api.backend;

/** The reductions of {@link Backend#reduce}. */
public enum ReduceOp {
    /** The sum. */
    SUM,
    /** The maximum. */
    MAX,
    /** The minimum. */
    MIN,
    /** The index of the first maximum, as a float. */
    ARGMAX
}
