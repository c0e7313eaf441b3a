package io.distillery.api.nn;

/**
 * How {@link Layers} initialise weights. {@code fanIn} is inputs per output unit (input channels times
 * kernel size for convolutions), {@code fanOut} outputs per input unit.
 */
public enum Init {
    /**
     * Uniform in {@code ±1/sqrt(fanIn)} for weights and biases: PyTorch's default for linear and convolution
     * layers, so that results compare with PyTorch recipes.
     */
    FAN_IN_UNIFORM,
    /** He et al. 2015: uniform in {@code ±sqrt(6/fanIn)}, zero biases; for ReLU networks. */
    KAIMING_UNIFORM,
    /** He et al. 2015: normal with standard deviation {@code sqrt(2/fanIn)}, zero biases. */
    KAIMING_NORMAL,
    /** Glorot and Bengio 2010: uniform in {@code ±sqrt(6/(fanIn+fanOut))}, zero biases. */
    XAVIER_UNIFORM,
    /** Glorot and Bengio 2010: normal with standard deviation {@code sqrt(2/(fanIn+fanOut))}, zero biases. */
    XAVIER_NORMAL
}
