package io.distillery.models;

import io.distillery.api.nn.AbstractModule;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Tensor;

/**
 * The pre-activation residual block of wide ResNets (Zagoruyko and Komodakis, "Wide Residual Networks", BMVC
 * 2016, after He et al., "Identity Mappings in Deep Residual Networks", ECCV 2016):
 * {@code conv2(dropout(relu(bn2(conv1(relu(bn1(x))))))) + shortcut(x)}.
 *
 * <p>Where the block changes the channel count or the stride, the shortcut is a 1x1 convolution applied to the
 * pre-activated input {@code relu(bn1(x))}, as in the authors' code; elsewhere it is the identity on {@code x}.
 * Children: {@code bn1}, {@code conv1}, {@code bn2}, {@code dropout} (only when its probability is above 0),
 * {@code conv2}, {@code shortcut}.
 */
final class PreActBlock extends AbstractModule {
    private final Module bn1;
    private final Module conv1;
    private final Module bn2;
    private final Module dropout;
    private final Module conv2;
    private final Module shortcut;

    /**
     * @param layers where to get layers
     * @param in input channels
     * @param out output channels
     * @param stride the first convolution's step
     * @param dropout the probability of dropping between the two convolutions
     */
    PreActBlock(Layers layers, int in, int out, int stride, double dropout) {
        bn1 = child("bn1", layers.batchNorm2d(in));
        conv1 = child("conv1", Convs.conv3x3(layers, in, out, stride));
        bn2 = child("bn2", layers.batchNorm2d(out));
        this.dropout = dropout > 0 ? child("dropout", layers.dropout(dropout)) : null;
        conv2 = child("conv2", Convs.conv3x3(layers, out, out, 1));
        shortcut = in == out && stride == 1 ? null : child("shortcut", Convs.conv1x1(layers, in, out, stride));
    }

    @Override
    protected Tensor compute(Tensor x) {
        Tensor activated = bn1.forward(x).relu();
        Tensor y = bn2.forward(conv1.forward(activated)).relu();
        y = conv2.forward(dropout == null ? y : dropout.forward(y));
        return y.add(shortcut == null ? x : shortcut.forward(activated));
    }

    @Override
    public String describe() {
        return "PreActBlock(" + (shortcut == null ? "identity" : "projection") + " shortcut"
                + (dropout == null ? "" : ", " + dropout.describe()) + ")";
    }
}
