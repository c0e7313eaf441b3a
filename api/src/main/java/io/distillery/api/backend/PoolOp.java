package io.distillery.api.backend;

/** The window functions of {@link Backend#pool2d}. */
public enum PoolOp {
    /** The window's maximum; its gradient goes to the first maximal element. */
    MAX,
    /** The window's mean, padding counted as zeros (the divisor is always the window size). */
    AVG
}
