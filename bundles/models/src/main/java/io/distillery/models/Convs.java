package io.distillery.models;

import io.distillery.api.nn.ConvOptions;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Module;
import io.distillery.api.nn.Sequential;
import io.distillery.api.tensor.Activation;

/** The convolution building blocks the convolutional families share. */
final class Convs {
    // a batch norm follows every one of these convolutions, and its shift makes a convolution bias redundant
    private static final ConvOptions NO_BIAS = ConvOptions.DEFAULT.withBias(false);

    private Convs() {
    }

    /**
     * @param layers where to get layers
     * @param in input channels
     * @param out output channels
     * @param stride the step; 2 halves the image
     * @return a 3x3 convolution without bias, padded to keep the size at stride 1
     */
    static Module conv3x3(Layers layers, int in, int out, int stride) {
        return layers.conv2d(in, out, 3, NO_BIAS.withStride(stride).withPadding(1));
    }

    /**
     * @param layers where to get layers
     * @param in input channels
     * @param out output channels
     * @param stride the step
     * @return a 1x1 convolution without bias: the projection shortcut of residual blocks
     */
    static Module conv1x1(Layers layers, int in, int out, int stride) {
        return layers.conv2d(in, out, 1, NO_BIAS.withStride(stride));
    }

    /**
     * Appends {@code conv<suffix>} (3x3, stride 1), {@code bn<suffix>} and {@code relu<suffix>}.
     *
     * @param layers where to get layers
     * @param into the sequence to extend
     * @param suffix what tells these three apart from others in the sequence, possibly empty
     * @param in input channels
     * @param out output channels
     * @return the sequence
     */
    static Sequential convBnRelu(Layers layers, Sequential into, String suffix, int in, int out) {
        return into.add("conv" + suffix, conv3x3(layers, in, out, 1))
                .add("bn" + suffix, layers.batchNorm2d(out))
                .add("relu" + suffix, layers.activation(Activation.RELU));
    }

    /**
     * @param base the channel count at width 1
     * @param width the width multiplier
     * @return the scaled channel count, rounded, at least 1
     */
    static int scaled(int base, double width) {
        return (int) Math.max(1, Math.round(base * width));
    }
}
