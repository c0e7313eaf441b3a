package io.distillery.models;

import io.distillery.api.nn.ConvOptions;
import io.distillery.api.nn.Init;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.ModelFactory;
import io.distillery.api.nn.ModelSpec;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Shape;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code alexnet-small} model: a convnet in the style of Krizhevsky, Sutskever and Hinton, "ImageNet
 * Classification with Deep Convolutional Neural Networks" (NIPS 2012), sized for 32x32 images: ReLU
 * convolutions, overlapping max pooling, and two dense layers trained with dropout (Srivastava et al. 2014).
 * Local response normalisation is left out, as later work found it adds nothing.
 *
 * <p>Exactly, at width {@code w}:
 * <pre>
 * conv1  5x5, 64w, padding 2, ReLU       32x32
 * pool1  max 3x3, stride 2, padding 1    16x16
 * conv2  5x5, 128w, padding 2, ReLU      16x16
 * pool2  max 3x3, stride 2, padding 1     8x8
 * conv3  3x3, 256w, padding 1, ReLU       8x8
 * conv4  3x3, 256w, padding 1, ReLU       8x8
 * pool3  max 3x3, stride 2, padding 1     4x4
 * flatten                                 256w*4*4
 * drop1, fc1  dense 512w, ReLU
 * drop2, fc2  dense 512w, ReLU
 * head   dense to the classes
 * </pre>
 * 3,460,490 parameters at width 1 for 3-channel inputs and 10 classes. Convolutions and hidden dense layers start
 * from He initialisation (normal, fan in).
 *
 * <p>Options: {@code dropout} (before each of the two hidden dense layers, default 0.5), {@code width} (the
 * multiplier {@code w} of every channel and unit count, default 1). Needs 32x32 images, with any channel count.
 * Top-level paths are the names in the table above; {@code drop1} and {@code drop2} only when dropout is above 0.
 */
@Component(property = {ModelFactory.NAME + "=" + AlexNetSmallFactory.NAME,
        ModelFactory.DESCRIPTION + "=AlexNet-style convnet for 32x32 images: 4 ReLU convolutions, 2 dropout dense layers"})
public final class AlexNetSmallFactory implements ModelFactory {
    static final String NAME = "alexnet-small";
    private static final int SIZE = 32;
    private static final ConvOptions RELU = ConvOptions.DEFAULT.withActivation(Activation.RELU);

    @Override
    public Module create(ModelSpec spec, Shape inputShape, int classes, Layers layers) {
        Options o = Options.of(NAME, spec, "dropout", "width");
        double dropout = o.probability("dropout", 0.5);
        double width = o.positive("width", 1);
        Image image = Image.of(NAME, inputShape).exactly(SIZE);
        // six ReLU layers and no normalisation: the default uniform weights shrink the signal's variance about
        // sixfold a layer and a small batch then barely trains; He initialisation keeps the variance
        Layers relus = layers.withInit(Init.KAIMING_NORMAL);
        int c1 = Convs.scaled(64, width);
        int c2 = Convs.scaled(128, width);
        int c3 = Convs.scaled(256, width);
        int units = Convs.scaled(512, width);
        Network net = new Network(NAME, NAME + " (width " + Options.format(width) + ", dropout " + dropout + ")", classes)
                .add("conv1", relus.conv2d(image.channels(), c1, 5, RELU.withPadding(2)))
                .add("pool1", layers.maxPool2d(3, 2, 1))
                .add("conv2", relus.conv2d(c1, c2, 5, RELU.withPadding(2)))
                .add("pool2", layers.maxPool2d(3, 2, 1))
                .add("conv3", relus.conv2d(c2, c3, 3, RELU.withPadding(1)))
                .add("conv4", relus.conv2d(c3, c3, 3, RELU.withPadding(1)))
                .add("pool3", layers.maxPool2d(3, 2, 1))
                .add("flatten", layers.flatten());
        // three halvings leave 4x4 of the 32x32
        DenseLayers.add(net, relus, 1, c3 * (SIZE / 8) * (SIZE / 8), units, dropout, Activation.RELU);
        DenseLayers.add(net, relus, 2, units, units, dropout, Activation.RELU);
        return net.addHead(layers, units);
    }
}
