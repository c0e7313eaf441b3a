package io.distillery.api.backend;

/**
 * The element-wise functions of {@link Backend#unary}. Two scalar arguments {@code p} and {@code q} parameterise
 * some of them and are ignored by the rest.
 */
public enum UnaryOp {
    /** {@code -x}. */
    NEG,
    /** {@code |x|}. */
    ABS,
    /** -1, 0 or 1. */
    SIGN,
    /** Nearest integer, halves away from zero. */
    ROUND,
    /** {@code e^x}. */
    EXP,
    /** Natural logarithm. */
    LOG,
    /** Square root. */
    SQRT,
    /** {@code x^p}. */
    POW,
    /** {@code max(x, 0)}. */
    RELU,
    /** {@code x > 0 ? x : p * x}. */
    LEAKY_RELU,
    /** {@code 1 / (1 + e^-x)}. */
    SIGMOID,
    /** Hyperbolic tangent. */
    TANH,
    /** {@code min(max(x, p), q)}. */
    CLAMP,
    /** {@code p * x + q}: scaling and shifting by constants. */
    AFFINE
}
