package io.distillery.api.tensor;

/**
 * The element-wise activation functions a backend can fuse with a bias addition and with the gradient pass.
 *
 * <p>Each derivative can be computed from the activation's <em>output</em> alone, which is what lets the
 * backward kernel run without the pre-activation values.
 */
public enum Activation {
    /** {@code f(x) = x}. */
    IDENTITY,
    /** {@code f(x) = max(x, 0)}. */
    RELU,
    /** {@code f(x) = x} for {@code x > 0}, else {@code slope * x}; the slope is a separate argument. */
    LEAKY_RELU,
    /** {@code f(x) = 1 / (1 + exp(-x))}. */
    SIGMOID,
    /** {@code f(x) = tanh(x)}. */
    TANH
}
