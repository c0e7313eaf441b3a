package io.distillery.bench;

import io.distillery.api.nn.ConvOptions;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Module;
import io.distillery.api.nn.Sequential;
import io.distillery.api.tensor.Activation;

import java.util.Arrays;

/**
 * A feed-forward network assembled layer by layer. It follows the feature shape of one sample, so that each
 * layer's input size comes from the layer before, and counts the forward FLOPs of its dense and convolution
 * layers as the reference script does: two per multiply-accumulate; normalisation, activations and pooling are
 * not counted.
 *
 * <pre>{@code
 * Net lenet = new Net(layers, 1, 28, 28).conv("conv1", 6, 5, 0, Activation.RELU).maxPool("pool1", 2) ...;
 * }</pre>
 */
final class Net {
    private final Layers layers;
    private final Sequential module;
    private final int[] input;
    private int[] shape;
    private long flops;

    /**
     * @param layers makes the layers
     * @param sampleShape the shape of one input sample: {@code features} or {@code channels, height, width}
     */
    Net(Layers layers, int... sampleShape) {
        this.layers = layers;
        this.module = layers.sequential();
        this.input = sampleShape.clone();
        this.shape = sampleShape.clone();
    }

    /** @return the network */
    Module module() {
        return module;
    }

    /** @return the shape of one input sample */
    int[] sampleShape() {
        return input.clone();
    }

    /** @return the counted FLOPs of one sample's forward pass */
    long forwardFlops() {
        return flops;
    }

    /** Adds a dense layer with a fused activation; the samples must be flat. */
    Net dense(String name, int out, Activation activation) {
        expectRank(name, 1);
        flops += 2L * shape[0] * out;
        module.add(name, layers.linear(shape[0], out, activation));
        shape = new int[] {out};
        return this;
    }

    /** Adds a square convolution, stride 1, with a bias and a fused activation. */
    Net conv(String name, int out, int kernel, int padding, Activation activation) {
        expectRank(name, 3);
        int height = shape[1] + 2 * padding - kernel + 1;
        int width = shape[2] + 2 * padding - kernel + 1;
        flops += 2L * out * height * width * shape[0] * kernel * kernel;
        module.add(name, layers.conv2d(shape[0], out, kernel,
                ConvOptions.DEFAULT.withPadding(padding).withActivation(activation)));
        shape = new int[] {out, height, width};
        return this;
    }

    /** Adds batch normalisation over the channels. */
    Net batchNorm(String name) {
        expectRank(name, 3);
        module.add(name, layers.batchNorm2d(shape[0]));
        return this;
    }

    /** Adds a ReLU layer of its own, for where one cannot be fused into the layer before. */
    Net relu(String name) {
        module.add(name, layers.activation(Activation.RELU));
        return this;
    }

    /** Adds max pooling over non-overlapping {@code size x size} windows. */
    Net maxPool(String name, int size) {
        expectRank(name, 3);
        module.add(name, layers.maxPool2d(size, size, 0));
        shape = new int[] {shape[0], shape[1] / size, shape[2] / size};
        return this;
    }

    /** Flattens each sample. */
    Net flatten(String name) {
        module.add(name, layers.flatten());
        shape = new int[] {Arrays.stream(shape).reduce(1, (a, b) -> a * b)};
        return this;
    }

    private void expectRank(String layer, int rank) {
        if (shape.length != rank) {
            throw new IllegalStateException("layer '" + layer + "' needs samples of rank " + rank + ", but the layer "
                    + "before it gives " + Arrays.toString(shape));
        }
    }
}
