package io.distillery.models;

import java.util.Map;

import io.distillery.api.nn.Init;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.ModelFactory;
import io.distillery.api.nn.ModelSpec;
import io.distillery.api.nn.Module;
import io.distillery.api.nn.Sequential;
import io.distillery.api.tensor.Shape;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code vgg-small} model family: VGG networks (Simonyan and Zisserman, "Very Deep Convolutional Networks for
 * Large-Scale Image Recognition", ICLR 2015) cut down for 32x32 images, with batch norm after every convolution
 * and a single dense layer as classifier, as the CIFAR versions of the distillation literature (VGG-8, VGG-13 of
 * Tian et al.'s CRD benchmark) have them.
 *
 * <p>Five stages of 3x3 convolutions (padding 1, no bias, each followed by batch norm and ReLU) at {@code 64w},
 * {@code 128w}, {@code 256w}, {@code 512w} and {@code 512w} channels; 2x2 max pooling after each of the first four
 * (32 to 2 pixels), global average pooling after the fifth, then the dense head. The depth keeps VGG's naming,
 * which counts three dense layers: convolutions per stage are 1-1-1-1-1 for depth 8, 1-1-2-2-2 for 11 (VGG's
 * configuration A) and 2-2-2-2-2 for 13 (B). VGG-8 has 3,917,386 parameters for 3-channel inputs and 10 classes.
 * Convolutions start from He initialisation (normal, fan in).
 *
 * <p>Options: {@code depth} (8, 11 or 13; default 8), {@code width} (the channel multiplier {@code w}, default 1).
 *
 * <p>Takes any image of at least 16x16, with any channel count. Top-level paths: {@code stage1} to {@code stage5}
 * (each {@code conv1}, {@code bn1}, {@code relu1}, then {@code conv2}, ... where the stage has more; the stage
 * output is before pooling), {@code pool1} to {@code pool4}, {@code pool}, {@code head}.
 */
@Component(property = {ModelFactory.NAME + "=" + VggSmallFactory.NAME,
        ModelFactory.DESCRIPTION + "=VGG-8/11/13 with batch norm for 32x32 images (Simonyan and Zisserman 2015)"})
public final class VggSmallFactory implements ModelFactory {
    static final String NAME = "vgg-small";
    private static final int[] CHANNELS = {64, 128, 256, 512, 512};
    private static final Map<Integer, int[]> CONVS_PER_STAGE = Map.of(
            8, new int[] {1, 1, 1, 1, 1},
            11, new int[] {1, 1, 2, 2, 2},
            13, new int[] {2, 2, 2, 2, 2});

    @Override
    public Module create(ModelSpec spec, Shape inputShape, int classes, Layers layers) {
        Options o = Options.of(NAME, spec, "depth", "width");
        int depth = o.integer("depth", 8, "8, 11 or 13", CONVS_PER_STAGE::containsKey);
        double width = o.positive("width", 1);
        Image image = Image.of(NAME, inputShape).atLeast(16, "it halves them four times");
        Layers convs = layers.withInit(Init.KAIMING_NORMAL);
        Network net = new Network(NAME, "vgg-" + depth + " (width " + Options.format(width) + ")", classes);
        int in = image.channels();
        for (int s = 0; s < CHANNELS.length; s++) {
            int out = Convs.scaled(CHANNELS[s], width);
            Sequential stage = convs.sequential();
            for (int c = 1; c <= CONVS_PER_STAGE.get(depth)[s]; c++) {
                Convs.convBnRelu(convs, stage, Integer.toString(c), in, out);
                in = out;
            }
            net.add("stage" + (s + 1), stage);
            if (s < CHANNELS.length - 1) {
                net.add("pool" + (s + 1), layers.maxPool2d(2, 2, 0));
            }
        }
        return net.addPooledHead(layers, in);
    }
}
