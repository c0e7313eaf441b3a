package io.distillery.models;

import java.util.List;
import java.util.stream.IntStream;

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
 * The {@code convnet} model family: a plain stack of ReLU convolutions with max pooling between some of them and
 * dense layers on top, in any width and depth. It is the thin, deep student and the wide, shallow teacher of
 * feature distillation, e.g. the 30K-parameter MNIST student of Romero et al., "FitNets: Hints for Thin Deep Nets"
 * (ICLR 2015), with ReLU for the paper's maxout units.
 *
 * <p>Options: {@code channels} (the output channels of each convolution, default {@code [32, 64]}),
 * {@code pool_after} (the 1-based numbers of the convolutions followed by a 2x2 max pooling of stride 2, default
 * all of them), {@code kernel} (the square kernel side, default 3), {@code padding} (zeros on each side, default
 * {@code kernel / 2}, which keeps odd kernels' images the same size), {@code hidden} (the sizes of dense ReLU layers
 * between the features and the head, default none), {@code dropout} (on the input of every dense layer and the
 * head, default 0). Convolutions and dense layers start from He initialisation (normal, fan in). Takes images of
 * any channel count that are large enough for every convolution and pooling to keep at least one pixel.
 *
 * <p>Top-level paths: {@code conv1} to {@code conv<n>} (each with its ReLU), {@code pool1} to {@code pool<m>}
 * (numbered in order, each after the convolution {@code pool_after} names), {@code flatten}; then, as the MLP has
 * them, {@code drop<k>} and {@code fc<k>} for each hidden layer {@code k}, {@code drop<h+1>} (when dropout is
 * above 0) and {@code head}. With {@code channels: [16, 16, 16, 16, 12, 12], pool_after: [2, 4, 6], hidden: [150]}
 * on 1x28x28 inputs it has 28,028 parameters.
 */
@Component(property = {ModelFactory.NAME + "=" + ConvNetFactory.NAME,
        ModelFactory.DESCRIPTION + "=Plain ReLU convnet of any width and depth with max pooling and dense layers (FitNets)"})
public final class ConvNetFactory implements ModelFactory {
    static final String NAME = "convnet";
    private static final int POOL = 2;

    @Override
    public Module create(ModelSpec spec, Shape inputShape, int classes, Layers layers) {
        Options o = Options.of(NAME, spec, "channels", "pool_after", "kernel", "padding", "hidden", "dropout");
        List<Integer> channels = o.integers("channels", List.of(32, 64), "a non-empty list of integers of at least 1",
                l -> !l.isEmpty() && l.stream().allMatch(c -> c >= 1));
        int convs = channels.size();
        List<Integer> poolAfter = o.integers("pool_after", IntStream.rangeClosed(1, convs).boxed().toList(),
                "increasing convolution numbers from 1 to " + convs, l -> increasing(l) && l.stream().allMatch(
                        k -> k >= 1 && k <= convs));
        int kernel = o.integer("kernel", 3, 1, 15);
        int padding = o.integer("padding", kernel / 2, 0, kernel - 1);
        List<Integer> hidden = o.integers("hidden", List.of(), 1);
        double dropout = o.probability("dropout", 0);
        Image image = Image.of(NAME, inputShape);
        Layers relus = layers.withInit(Init.KAIMING_NORMAL);
        ConvOptions conv = ConvOptions.DEFAULT.withPadding(padding).withActivation(Activation.RELU);
        Network net = new Network(NAME, NAME + " " + channels + " (kernel " + kernel + ", padding " + padding
                + ", pooling after " + poolAfter + ")", classes);
        int in = image.channels();
        for (int k = 1; k <= convs; k++) {
            net.add("conv" + k, relus.conv2d(in, channels.get(k - 1), kernel, conv));
            in = channels.get(k - 1);
            if (poolAfter.contains(k)) {
                net.add("pool" + (poolAfter.indexOf(k) + 1), layers.maxPool2d(POOL, POOL, 0));
            }
        }
        net.add("flatten", layers.flatten());
        int features = in * side(image, image.height(), convs, kernel, padding, poolAfter)
                * side(image, image.width(), convs, kernel, padding, poolAfter);
        for (int k = 1; k <= hidden.size(); k++) {
            DenseLayers.add(net, relus, k, features, hidden.get(k - 1), dropout, Activation.RELU);
            features = hidden.get(k - 1);
        }
        if (dropout > 0) {
            net.add("drop" + (hidden.size() + 1), layers.dropout(dropout));
        }
        return net.addHead(layers, features);
    }

    /** @return what the convolutions and poolings leave of one side of the input, which must keep a pixel throughout */
    private static int side(Image image, int input, int convs, int kernel, int padding, List<Integer> poolAfter) {
        int s = input;
        for (int k = 1; k <= convs; k++) {
            s = atLeastOne(image, s + 2 * padding - kernel + 1, "conv" + k);
            if (poolAfter.contains(k)) {
                s = atLeastOne(image, s / POOL, "pool" + (poolAfter.indexOf(k) + 1));
            }
        }
        return s;
    }

    private static int atLeastOne(Image image, int side, String after) {
        if (side < 1) {
            throw new IllegalArgumentException("model '" + NAME + "' has no pixel left of its " + image + " input after "
                    + after + "; give it larger images, more padding or less pooling");
        }
        return side;
    }

    private static boolean increasing(List<Integer> values) {
        return IntStream.range(1, values.size()).allMatch(i -> values.get(i) > values.get(i - 1));
    }
}
