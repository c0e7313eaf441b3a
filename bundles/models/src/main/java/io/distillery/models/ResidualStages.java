package io.distillery.models;

import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Module;
import io.distillery.api.nn.Sequential;

/**
 * The three-stage body that CIFAR ResNets and wide ResNets share: {@code stage1}, {@code stage2} and
 * {@code stage3}, each {@code n} blocks named {@code block0} to {@code block<n-1>}, the first block of stages 2
 * and 3 halving the image. Stage outputs are what attention transfer and FitNets configs usually tap.
 */
final class ResidualStages {
    /** Makes one residual block. */
    @FunctionalInterface
    interface BlockMaker {
        /**
         * @param in input channels
         * @param out output channels
         * @param stride the block's step
         * @return the block
         */
        Module block(int in, int out, int stride);
    }

    private static final int STAGES = 3;

    private ResidualStages() {
    }

    /**
     * Reads the {@code depth} option of a {@code 6n + extra} network: 3 stages of {@code n} blocks with 2
     * convolutions each, plus {@code extra} layers outside the blocks.
     *
     * @param options the model's options
     * @param extra the layers the paper counts outside the blocks (2 for ResNets, 4 for wide ResNets)
     * @param fallback the depth when the option is absent
     * @return {@code n}, the blocks per stage
     */
    static int blocksPerStage(Options options, int extra, int fallback) {
        int depth = options.integer("depth", fallback, "6n+" + extra + " for some n >= 1 (such as " + (6 + extra) + ", "
                + (18 + extra) + ", " + (54 + extra) + ")", d -> d >= 6 + extra && (d - extra) % 6 == 0);
        return (depth - extra) / (2 * STAGES);
    }

    /**
     * Appends the three stages to a network.
     *
     * @param net the network
     * @param layers where to get layers
     * @param blocks blocks per stage
     * @param in the channels entering the first stage
     * @param widths each stage's channels
     * @param maker makes the blocks
     * @return the channels leaving the last stage
     */
    static int addTo(Network net, Layers layers, int blocks, int in, int[] widths, BlockMaker maker) {
        int channels = in;
        for (int s = 0; s < STAGES; s++) {
            Sequential stage = layers.sequential();
            for (int b = 0; b < blocks; b++) {
                stage.add("block" + b, maker.block(channels, widths[s], s > 0 && b == 0 ? 2 : 1));
                channels = widths[s];
            }
            net.add("stage" + (s + 1), stage);
        }
        return channels;
    }
}
