package io.distillery.backend.nd4j;

import io.distillery.api.backend.ConvGeometry;
import io.distillery.api.backend.Gemm;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Convolution forward and both backward passes, as im2col on scratch arrays and OpenBLAS products on native
 * memory.
 *
 * <p>Images are taken in blocks: the column matrices of a block's images sit side by side in one native matrix,
 * so that each channel group of a block is a single product, wider than one image's; blocks stay small enough
 * for the column matrix to stay in the cache. Runs of consecutive blocks are shared out among the
 * {@link Workers}, unfolding and product alike, which keeps both threads busy where splitting the small products
 * alone did not pay.
 * A block's outputs come out channel by channel, {@code [channels, images x positions]}, and are copied into
 * place; output gradients are gathered into the same layout. A 1x1 kernel at stride 1 without padding needs no
 * unfolding, only that gather. The filter gradient accumulates block after block through the product's beta,
 * in a fixed number of partial sums, so that it does not depend on the thread count.
 */
final class Convolution {
    /** The product width a block aims at, in columns. */
    private static final int COLUMNS = 8192;
    /**
     * The most elements of a block's column matrix: 1 MiB, about what stays in the L2 cache between being written
     * and being multiplied. Blocks of 16 MiB ran up to twice as slow as one image at a time on 64-channel layers.
     */
    private static final int MAX_BLOCK = 1 << 18;
    /** How many partial filter gradients the blocks are summed in, at most; two per thread on two cores. */
    private static final int PARTIALS = 4;

    private final ConvGeometry g;
    private final int inGroup;
    private final int outGroup;
    private final int taps;
    private final int positions;
    private final int imageGroup;
    private final int images;
    private final boolean direct;

    private Convolution(ConvGeometry g) {
        this.g = g;
        inGroup = g.inChannels() / g.groups();
        outGroup = g.outChannels() / g.groups();
        taps = Im2Col.rows(g);
        positions = g.outHeight() * g.outWidth();
        imageGroup = inGroup * g.height() * g.width();
        images = Math.max(1, Math.min(Math.min(g.batch(), (COLUMNS + positions - 1) / positions),
                MAX_BLOCK / Math.max(1, taps * positions)));
        direct = g.kernelH() == 1 && g.kernelW() == 1 && g.strideH() == 1 && g.strideW() == 1
                && g.padH() == 0 && g.padW() == 0;
    }

    static void forward(ConvGeometry g, Nd4jBuffer x, Nd4jBuffer w, Nd4jBuffer y) {
        new Convolution(g).forward(x, w, y);
    }

    static void backwardInput(ConvGeometry g, Nd4jBuffer dy, Nd4jBuffer w, Nd4jBuffer dx) {
        new Convolution(g).backwardInput(dy, w, dx);
    }

    static void backwardFilter(ConvGeometry g, Nd4jBuffer x, Nd4jBuffer dy, Nd4jBuffer dw) {
        new Convolution(g).backwardFilter(x, dy, dw);
    }

    private void forward(Nd4jBuffer x, Nd4jBuffer w, Nd4jBuffer y) {
        blocks(Workers.threads(), (block, first, count, group, part) -> {
            block.columns(x, first, count, group);
            Blas.gemm(Gemm.of(false, false, outGroup, count * positions, taps, 1f, 0f), w, weights(group),
                    block.columns, 0, block.outputs, 0);
            transfer(y.floats(), first, count, group, outGroup, g.outChannels(), block.outputs, false);
        });
    }

    private void backwardInput(Nd4jBuffer dy, Nd4jBuffer w, Nd4jBuffer dx) {
        blocks(Workers.threads(), (block, first, count, group, part) -> {
            transfer(dy.floats(), first, count, group, outGroup, g.outChannels(), block.outputs, true);
            Blas.gemm(Gemm.of(true, false, taps, count * positions, outGroup, 1f, 0f), w, weights(group),
                    block.outputs, 0, block.columns, 0);
            block.fold(dx, first, count, group);
        });
    }

    /**
     * Sums the filter gradient of each run of image blocks in a partial gradient of its own, the first in
     * {@code dw} itself, then adds the others to it in order: a fixed number of partials, whatever the number of
     * threads, so that the sum does not depend on it.
     */
    private void backwardFilter(Nd4jBuffer x, Nd4jBuffer dy, Nd4jBuffer dw) {
        int size = g.outChannels() * taps;
        int partials = Math.max(1, Math.min(PARTIALS, blockCount()));
        Nd4jBuffer[] sums = new Nd4jBuffer[partials];
        sums[0] = dw;
        try {
            for (int p = 1; p < partials; p++) {
                sums[p] = Nd4jBuffer.scratch(size);
            }
            int[] firstOf = new int[partials];
            Arrays.fill(firstOf, -1);
            blocks(partials, (block, first, count, group, part) -> {
                if (firstOf[part] < 0) {
                    firstOf[part] = first;
                }
                block.columns(x, first, count, group);
                transfer(dy.floats(), first, count, group, outGroup, g.outChannels(), block.outputs, true);
                Blas.gemm(Gemm.of(false, true, outGroup, taps, count * positions, 1f, first == firstOf[part] ? 0f : 1f),
                        block.outputs, 0, block.columns, 0, sums[part], weights(group));
            });
            for (int p = 1; p < partials; p++) {
                Blas.axpy(size, 1f, sums[p], dw);
            }
        } finally {
            for (int p = 1; p < partials; p++) {
                if (sums[p] != null) {
                    sums[p].free();
                }
            }
        }
    }

    /** The work on one block's channel group: images {@code [first, first + count)}, in part {@code part}. */
    private interface Step {
        void run(Block block, int first, int count, int group, int part);
    }

    private int blockCount() {
        return (g.batch() + images - 1) / images;
    }

    /**
     * Runs {@code step} on every block and channel group, in {@code parts} runs of consecutive blocks shared out
     * among the {@link Workers}, each run with block matrices of its own.
     */
    private void blocks(int parts, Step step) {
        int count = blockCount();
        int runs = Math.min(parts, count);
        Workers.run(runs, (part, worker) -> {
            try (Block block = new Block()) {
                int last = (int) ((long) count * (part + 1) / runs);
                for (int b = (int) ((long) count * part / runs); b < last; b++) {
                    int first = b * images;
                    for (int group = 0; group < g.groups(); group++) {
                        step.run(block, first, Math.min(images, g.batch() - first), group, part);
                    }
                }
            }
        });
    }

    /** Where group {@code group}'s weights start. */
    private long weights(int group) {
        return (long) group * outGroup * taps;
    }

    /**
     * Copies {@code rows} channels of group {@code group} of images {@code [first, first + count)} between an
     * {@code NCHW} tensor of {@code channels} channels and a block matrix {@code [rows, count x positions]}.
     */
    private void transfer(FloatBuffer tensor, int first, int count, int group, int rows, int channels,
            Nd4jBuffer block, boolean intoBlock) {
        FloatBuffer b = block.floats();
        for (int i = 0; i < count; i++) {
            for (int r = 0; r < rows; r++) {
                int at = ((first + i) * channels + group * rows + r) * positions;
                int blockAt = (r * count + i) * positions;
                if (intoBlock) {
                    b.put(blockAt, tensor, at, positions);
                } else {
                    tensor.put(at, b, blockAt, positions);
                }
            }
        }
    }

    /** One run of blocks' native block matrices, not zeroed, freed when the run ends. */
    private final class Block implements AutoCloseable {
        final Nd4jBuffer columns = Nd4jBuffer.scratch(taps * images * positions);
        final Nd4jBuffer outputs = Nd4jBuffer.scratch(outGroup * images * positions);

        /** Fills {@link #columns} with the column matrices of images {@code [first, first + count)}. */
        void columns(Nd4jBuffer x, int first, int count, int group) {
            if (direct) {
                transfer(x.floats(), first, count, group, inGroup, g.inChannels(), columns, true);
                return;
            }
            int size = taps * count * positions;
            float[] image = Scratch.get(0, imageGroup);
            float[] col = Scratch.get(1, size);
            Arrays.fill(col, 0, size, 0f);
            for (int i = 0; i < count; i++) {
                x.floats().get(((first + i) * g.groups() + group) * imageGroup, image, 0, imageGroup);
                Im2Col.unfold(g, image, col, count * positions, i * positions);
            }
            columns.floats().put(0, col, 0, size);
        }

        /** Overwrites the input gradients of images {@code [first, first + count)} from {@link #columns}. */
        void fold(Nd4jBuffer dx, int first, int count, int group) {
            if (direct) {
                transfer(dx.floats(), first, count, group, inGroup, g.inChannels(), columns, false);
                return;
            }
            int size = taps * count * positions;
            float[] image = Scratch.get(0, imageGroup);
            float[] col = Scratch.get(1, size);
            columns.floats().get(0, col, 0, size);
            for (int i = 0; i < count; i++) {
                Arrays.fill(image, 0, imageGroup, 0f);
                Im2Col.fold(g, col, count * positions, i * positions, image);
                dx.floats().put(((first + i) * g.groups() + group) * imageGroup, image, 0, imageGroup);
            }
        }

        @Override
        public void close() {
            columns.free();
            outputs.free();
        }
    }
}
