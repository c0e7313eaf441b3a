package io.distillery.models;

import io.distillery.api.nn.ConvOptions;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.ModelFactory;
import io.distillery.api.nn.ModelSpec;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Shape;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code lenet5} model: the convnet of LeCun, Bottou, Bengio and Haffner, "Gradient-Based Learning Applied to
 * Document Recognition" (Proc. IEEE 1998), with the modern substitutions of ReLU for the scaled tanh, max pooling
 * for the trainable subsampling, full connections between the two convolutions and a dense output layer for the
 * RBF units.
 *
 * <p>{@code conv1} (5x5, 6 channels, ReLU), {@code pool1} (max 2x2), {@code conv2} (5x5, 16 channels, ReLU),
 * {@code pool2} (max 2x2), {@code flatten}, {@code fc1} (120, ReLU), {@code fc2} (84, ReLU), {@code head}. On
 * 1x28x28 inputs {@code fc1} reads 16x4x4 features (44,426 parameters for 10 classes); with {@code padding: 2}, the
 * classic network's 32x32 input, 16x5x5 (61,706 parameters).
 *
 * <p>Options: {@code padding} (zeros around the input of {@code conv1}: 0, the default, 1 or 2). Takes images
 * of any channel count and of at least {@code 16 - 2*padding} pixels a side. The top-level paths are the names
 * above.
 */
@Component(property = {ModelFactory.NAME + "=" + LeNet5Factory.NAME,
        ModelFactory.DESCRIPTION + "=LeNet-5 (LeCun et al. 1998) with ReLU and max pooling, for MNIST-sized images"})
public final class LeNet5Factory implements ModelFactory {
    static final String NAME = "lenet5";
    private static final int KERNEL = 5;
    private static final ConvOptions RELU = ConvOptions.DEFAULT.withActivation(Activation.RELU);

    @Override
    public Module create(ModelSpec spec, Shape inputShape, int classes, Layers layers) {
        Options o = Options.of(NAME, spec, "padding");
        int padding = o.integer("padding", 0, 0, 2);
        // each convolution loses 4 pixels and each pooling halves, and the features must keep at least one pixel
        Image image = Image.of(NAME, inputShape).atLeast(16 - 2 * padding,
                "two 5x5 convolutions and two 2x2 poolings with padding " + padding);
        int height = features(image.height(), padding);
        int width = features(image.width(), padding);
        return new Network(NAME, NAME + " (padding " + padding + ")", classes)
                .add("conv1", layers.conv2d(image.channels(), 6, KERNEL, RELU.withPadding(padding)))
                .add("pool1", layers.maxPool2d(2, 2, 0))
                .add("conv2", layers.conv2d(6, 16, KERNEL, RELU))
                .add("pool2", layers.maxPool2d(2, 2, 0))
                .add("flatten", layers.flatten())
                .add("fc1", layers.linear(16 * height * width, 120, Activation.RELU))
                .add("fc2", layers.linear(120, 84, Activation.RELU))
                .addHead(layers, 84);
    }

    private static int features(int side, int padding) {
        return ((side + 2 * padding - KERNEL + 1) / 2 - KERNEL + 1) / 2;
    }
}
