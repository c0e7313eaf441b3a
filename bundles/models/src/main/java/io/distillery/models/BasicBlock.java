package io.distillery.models;

import io.distillery.api.nn.AbstractModule;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Tensor;

/**
 * The basic residual block of He et al., "Deep Residual Learning for Image Recognition" (CVPR 2016):
 * {@code relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x))} with two 3x3 convolutions.
 *
 * <p>Where the block changes the channel count or the stride, the shortcut is the paper's option B, a 1x1
 * convolution and a batch norm ({@code shortcut.conv}, {@code shortcut.bn}); elsewhere it is the identity and
 * has no path. Children: {@code conv1}, {@code bn1}, {@code conv2}, {@code bn2}, {@code shortcut}; the block's
 * own output is after the final ReLU.
 */
final class BasicBlock extends AbstractModule {
    private final Module conv1;
    private final Module bn1;
    private final Module conv2;
    private final Module bn2;
    private final Module shortcut;

    /**
     * @param layers where to get layers
     * @param in input channels
     * @param out output channels
     * @param stride the first convolution's step
     */
    BasicBlock(Layers layers, int in, int out, int stride) {
        conv1 = child("conv1", Convs.conv3x3(layers, in, out, stride));
        bn1 = child("bn1", layers.batchNorm2d(out));
        conv2 = child("conv2", Convs.conv3x3(layers, out, out, 1));
        bn2 = child("bn2", layers.batchNorm2d(out));
        shortcut = in == out && stride == 1 ? null : child("shortcut", layers.sequential()
                .add("conv", Convs.conv1x1(layers, in, out, stride))
                .add("bn", layers.batchNorm2d(out)));
    }

    @Override
    protected Tensor compute(Tensor x) {
        Tensor y = bn2.forward(conv2.forward(bn1.forward(conv1.forward(x)).relu()));
        return y.add(shortcut == null ? x : shortcut.forward(x)).relu();
    }

    @Override
    public String describe() {
        return "BasicBlock(" + (shortcut == null ? "identity" : "projection") + " shortcut)";
    }
}
