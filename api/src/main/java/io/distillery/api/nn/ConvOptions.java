package io.distillery.api.nn;

import io.distillery.api.tensor.Activation;

/**
 * The settings of a convolution layer beyond its channels and kernel size, the same along every spatial axis.
 *
 * @param stride the step between output positions
 * @param padding zeros added on each side
 * @param dilation the spacing of kernel taps
 * @param groups independent channel groups
 * @param bias whether the layer adds a learned per-channel bias
 * @param activation the activation fused into the layer's output
 */
public record ConvOptions(int stride, int padding, int dilation, int groups, boolean bias, Activation activation) {

    /** Stride 1, no padding, no dilation, one group, a bias, no activation. */
    public static final ConvOptions DEFAULT = new ConvOptions(1, 0, 1, 1, true, Activation.IDENTITY);

    /** @throws IllegalArgumentException on a non-positive stride, dilation or group count, or negative padding */
    public ConvOptions {
        if (stride < 1 || dilation < 1 || groups < 1 || padding < 0) {
            throw new IllegalArgumentException("invalid convolution options: stride=" + stride + " padding=" + padding
                    + " dilation=" + dilation + " groups=" + groups);
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null; use IDENTITY");
        }
    }

    /** @param stride the step @return these options with another stride */
    public ConvOptions withStride(int stride) {
        return new ConvOptions(stride, padding, dilation, groups, bias, activation);
    }

    /** @param padding zeros per side @return these options with another padding */
    public ConvOptions withPadding(int padding) {
        return new ConvOptions(stride, padding, dilation, groups, bias, activation);
    }

    /** @param dilation the tap spacing @return these options with another dilation */
    public ConvOptions withDilation(int dilation) {
        return new ConvOptions(stride, padding, dilation, groups, bias, activation);
    }

    /** @param groups the group count @return these options with another group count */
    public ConvOptions withGroups(int groups) {
        return new ConvOptions(stride, padding, dilation, groups, bias, activation);
    }

    /** @param bias whether to add a bias @return these options with or without a bias */
    public ConvOptions withBias(boolean bias) {
        return new ConvOptions(stride, padding, dilation, groups, bias, activation);
    }

    /** @param activation the fused activation @return these options with another activation */
    public ConvOptions withActivation(Activation activation) {
        return new ConvOptions(stride, padding, dilation, groups, bias, activation);
    }
}
