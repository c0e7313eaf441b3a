package io.distillery.models;

import io.distillery.api.nn.Init;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.ModelFactory;
import io.distillery.api.nn.ModelSpec;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Shape;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code resnet} model family: the CIFAR ResNets of He et al., "Deep Residual Learning for Image
 * Recognition" (CVPR 2016, section 4.2), with a width multiplier for the wide variants of the distillation
 * literature.
 *
 * <p>A 3x3 convolution stem, then 3 stages of {@code n} {@link BasicBlock}s at {@code 16w}, {@code 32w} and
 * {@code 64w} channels (the last two starting with a stride of 2), global average pooling and a dense head;
 * depth {@code 6n+2}. Where a block changes shape its shortcut is a 1x1 convolution with batch norm (the paper's
 * option B), so the parameter counts are those of option A plus the two projections: ResNet-20 272,474 (the
 * paper's 0.27M), ResNet-56 855,770, ResNet-110 1,730,714 for 3-channel inputs and 10 classes. Convolutions start
 * from He initialisation (normal, fan in).
 *
 * <p>Options: {@code depth} (6n+2: 8, 14, 20, 32, 44, 56, 110, ...; default 20), {@code width} (the channel
 * multiplier {@code w}, default 1), {@code stem} (the stem's channels, default {@code 16w}). ResNet8x4 and
 * ResNet32x4 are {@code {name: resnet, depth: 8, width: 4}} and {@code depth: 32}; the code of Tian et al.'s CRD
 * benchmark, where they come from, gives them a 32-channel stem: add {@code stem: 32} for exactly those models
 * (1,233,540 and 7,433,860 parameters for 100 classes, the published 1.23M and 7.43M).
 *
 * <p>Designed for 32x32 images; global pooling lets it take any image of at least 4x4, with any channel count.
 * Top-level paths: {@code stem} ({@code stem.conv}, {@code stem.bn}, {@code stem.relu}), {@code stage1},
 * {@code stage2}, {@code stage3} (each {@code block0} to {@code block<n-1>}, each with {@code conv1}, {@code bn1},
 * {@code conv2}, {@code bn2} and, where it projects, {@code shortcut}), {@code pool}, {@code head}.
 */
@Component(property = {ModelFactory.NAME + "=" + ResNetFactory.NAME,
        ModelFactory.DESCRIPTION + "=CIFAR ResNet (He et al. 2016), depth 6n+2 with a width multiplier: ResNet-20, ResNet8x4, ..."})
public final class ResNetFactory implements ModelFactory {
    static final String NAME = "resnet";

    @Override
    public Module create(ModelSpec spec, Shape inputShape, int classes, Layers layers) {
        Options o = Options.of(NAME, spec, "depth", "width", "stem");
        int blocks = ResidualStages.blocksPerStage(o, 2, 20);
        double width = o.positive("width", 1);
        int stem = o.integer("stem", Convs.scaled(16, width), 1, 1 << 16);
        Image image = Image.of(NAME, inputShape).atLeast(4, "it halves them twice");
        Layers convs = layers.withInit(Init.KAIMING_NORMAL);
        Network net = new Network(NAME, NAME + "-" + (6 * blocks + 2) + " (width " + Options.format(width) + ", stem "
                + stem + ")", classes);
        net.add("stem", Convs.convBnRelu(convs, convs.sequential(), "", image.channels(), stem));
        int[] widths = {Convs.scaled(16, width), Convs.scaled(32, width), Convs.scaled(64, width)};
        int channels = ResidualStages.addTo(net, convs, blocks, stem, widths,
                (in, out, stride) -> new BasicBlock(convs, in, out, stride));
        return net.addPooledHead(layers, channels);
    }
}
