package io.distillery.models;

import io.distillery.api.nn.Init;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.ModelFactory;
import io.distillery.api.nn.ModelSpec;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Shape;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code wrn} model family: the wide residual networks WRN-d-k of Zagoruyko and Komodakis, "Wide Residual
 * Networks" (BMVC 2016), the teachers and students of attention transfer.
 *
 * <p>A 3x3 convolution to 16 channels, then 3 stages of {@code n} pre-activation {@link PreActBlock}s at
 * {@code 16k}, {@code 32k} and {@code 64k} channels (the last two starting with a stride of 2), a final batch norm
 * and ReLU, global average pooling and a dense head; depth {@code d = 6n+4}. Where a block changes shape its
 * shortcut is a 1x1 convolution, as in the paper. WRN-16-4 has 2,748,890 parameters for 3-channel inputs and 10
 * classes (the paper's 2.7M), WRN-40-2 2,243,546 (2.2M), WRN-28-10 36,479,194 (36.5M). Convolutions start from He
 * initialisation (normal, fan in).
 *
 * <p>Options: {@code depth} (6n+4: 10, 16, 22, 28, 40, ...; default 16), {@code width} (the widening factor
 * {@code k}, default 4), {@code dropout} (between the two convolutions of every block, default 0; the paper uses
 * 0.3).
 *
 * <p>Designed for 32x32 images; global pooling lets it take any image of at least 4x4, with any channel count.
 * Top-level paths: {@code stem}, {@code stage1}, {@code stage2}, {@code stage3} (each {@code block0} to
 * {@code block<n-1>}, each with {@code bn1}, {@code conv1}, {@code bn2}, {@code dropout} when above 0,
 * {@code conv2} and, where it projects, {@code shortcut}), {@code final} ({@code final.bn}, {@code final.relu}),
 * {@code pool}, {@code head}. The stage outputs are before the final batch norm, as attention transfer taps them.
 */
@Component(property = {ModelFactory.NAME + "=" + WideResNetFactory.NAME,
        ModelFactory.DESCRIPTION + "=Wide ResNet WRN-d-k (Zagoruyko and Komodakis 2016), pre-activation, optional dropout"})
public final class WideResNetFactory implements ModelFactory {
    static final String NAME = "wrn";
    private static final int STEM = 16;

    @Override
    public Module create(ModelSpec spec, Shape inputShape, int classes, Layers layers) {
        Options o = Options.of(NAME, spec, "depth", "width", "dropout");
        int blocks = ResidualStages.blocksPerStage(o, 4, 16);
        double width = o.positive("width", 4);
        double dropout = o.probability("dropout", 0);
        Image image = Image.of(NAME, inputShape).atLeast(4, "it halves them twice");
        Layers convs = layers.withInit(Init.KAIMING_NORMAL);
        Network net = new Network(NAME, NAME + "-" + (6 * blocks + 4) + "-" + Options.format(width)
                + (dropout > 0 ? " (dropout " + dropout + ")" : ""), classes);
        net.add("stem", Convs.conv3x3(convs, image.channels(), STEM, 1));
        int[] widths = {Convs.scaled(16, width), Convs.scaled(32, width), Convs.scaled(64, width)};
        int channels = ResidualStages.addTo(net, convs, blocks, STEM, widths,
                (in, out, stride) -> new PreActBlock(convs, in, out, stride, dropout));
        net.add("final", layers.sequential()
                .add("bn", layers.batchNorm2d(channels))
                .add("relu", layers.activation(Activation.RELU)));
        return net.addPooledHead(layers, channels);
    }
}
