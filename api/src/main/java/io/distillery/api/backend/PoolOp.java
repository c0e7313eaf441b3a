package io.distillery.api.backend;

/** The window functions of {@link Backend#pool2d}. */
public enum PoolOp {
    /** The window's maximum; its gradient goes to the first maximal element in row-major order within the window. */
    MAX,
    /** The window's mean, padding counted as zeros (the divisor is always the window size). */
    AVG
}
