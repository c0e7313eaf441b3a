package io.distillery.backend.nd4j;

import io.distillery.api.backend.PoolGeometry;
import io.distillery.api.backend.PoolOp;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Max and average pooling, forward and backward, on blocks of whole {@code height x width} planes copied to
 * scratch arrays.
 *
 * <p>Windows are clipped to the plane: padding never wins a maximum and adds nothing to an average, whose
 * divisor stays the full window. The maximum is the first one in row-major order within the window, and the
 * backward pass finds the same one again from the forward input.
 */
final class Pooling {
    /** About this many input elements are staged per block of planes. */
    private static final int BLOCK = 1 << 14;

    private Pooling() {
    }

    static void forward(PoolGeometry g, PoolOp op, FloatBuffer x, FloatBuffer y) {
        int in = g.height() * g.width();
        int out = g.outHeight() * g.outWidth();
        float area = g.kernelH() * g.kernelW();
        blocks(g, (first, count) -> {
            float[] xs = Scratch.get(0, count * in);
            float[] ys = Scratch.get(1, count * out);
            x.get(first * in, xs, 0, count * in);
            boolean tiled = op == PoolOp.MAX && tiled(g);
            for (int p = 0; p < count; p++) {
                for (int oy = 0, o = p * out; oy < g.outHeight(); oy++) {
                    for (int ox = 0; ox < g.outWidth(); ox++, o++) {
                        ys[o] = tiled ? xs[tiledArgmax(g, xs, p * in, oy, ox)]
                                : op == PoolOp.MAX ? xs[p * in + argmax(g, xs, p * in, oy, ox)]
                                : (float) (sum(g, xs, p * in, oy, ox) / area);
                    }
                }
            }
            y.put(first * out, ys, 0, count * out);
        });
    }

    static void backward(PoolGeometry g, PoolOp op, FloatBuffer x, FloatBuffer dy, FloatBuffer dx) {
        int in = g.height() * g.width();
        int out = g.outHeight() * g.outWidth();
        float area = g.kernelH() * g.kernelW();
        blocks(g, (first, count) -> {
            float[] xs = Scratch.get(0, count * in);
            float[] ds = Scratch.get(1, count * out);
            float[] dxs = Scratch.get(2, count * in);
            if (op == PoolOp.MAX) {
                x.get(first * in, xs, 0, count * in);
            }
            dy.get(first * out, ds, 0, count * out);
            Arrays.fill(dxs, 0, count * in, 0f);
            boolean tiled = op == PoolOp.MAX && tiled(g);
            for (int p = 0; p < count; p++) {
                for (int oy = 0, o = p * out; oy < g.outHeight(); oy++) {
                    for (int ox = 0; ox < g.outWidth(); ox++, o++) {
                        if (tiled) {
                            dxs[tiledArgmax(g, xs, p * in, oy, ox)] += ds[o];
                        } else if (op == PoolOp.MAX) {
                            dxs[p * in + argmax(g, xs, p * in, oy, ox)] += ds[o];
                        } else {
                            spread(g, dxs, p * in, oy, ox, ds[o] / area);
                        }
                    }
                }
            }
            dx.put(first * in, dxs, 0, count * in);
        });
    }

    /** A block of consecutive planes. */
    private interface Block {
        void run(int first, int count);
    }

    /** Runs {@code block} on every block of planes, the blocks shared out among the {@link Workers}. */
    private static void blocks(PoolGeometry g, Block block) {
        int planes = g.batch() * g.channels();
        int in = g.height() * g.width();
        int perBlock = Math.max(1, BLOCK / Math.max(1, in));
        int blocks = (planes + perBlock - 1) / perBlock;
        Workers.ranges(blocks, (long) planes * in, (from, to) -> {
            for (int b = from; b < to; b++) {
                int first = b * perBlock;
                block.run(first, Math.min(perBlock, planes - first));
            }
        });
    }

    /**
     * @return whether the windows tile the input, kernel the size of the stride and no padding (2x2 max pooling at
     *         stride 2): every window lies inside its plane, so the fast path needs no clipping
     */
    private static boolean tiled(PoolGeometry g) {
        return g.kernelH() == g.strideH() && g.kernelW() == g.strideW() && g.padH() == 0 && g.padW() == 0;
    }

    /**
     * {@link #argmax} for tiled windows.
     *
     * @return the block offset (not the plane offset) of the first maximum of output {@code (oy, ox)}'s window
     */
    private static int tiledArgmax(PoolGeometry g, float[] x, int plane, int oy, int ox) {
        int w = g.width();
        int start = plane + oy * g.kernelH() * w + ox * g.kernelW();
        int best = start;
        for (int r = 0, row = start; r < g.kernelH(); r++, row += w) {
            for (int c = row; c < row + g.kernelW(); c++) {
                if (x[c] > x[best]) {
                    best = c;
                }
            }
        }
        return best;
    }

    /** @return the plane offset of the first maximum of output {@code (oy, ox)}'s window */
    private static int argmax(PoolGeometry g, float[] x, int plane, int oy, int ox) {
        int top = oy * g.strideH() - g.padH();
        int left = ox * g.strideW() - g.padW();
        int x0 = Math.max(left, 0);
        int x1 = Math.min(left + g.kernelW(), g.width());
        int best = Math.max(top, 0) * g.width() + x0;
        for (int r = Math.max(top, 0); r < Math.min(top + g.kernelH(), g.height()); r++) {
            for (int c = x0; c < x1; c++) {
                if (x[plane + r * g.width() + c] > x[plane + best]) {
                    best = r * g.width() + c;
                }
            }
        }
        return best;
    }

    private static double sum(PoolGeometry g, float[] x, int plane, int oy, int ox) {
        int top = oy * g.strideH() - g.padH();
        int left = ox * g.strideW() - g.padW();
        double sum = 0;
        for (int r = Math.max(top, 0); r < Math.min(top + g.kernelH(), g.height()); r++) {
            for (int c = Math.max(left, 0); c < Math.min(left + g.kernelW(), g.width()); c++) {
                sum += x[plane + r * g.width() + c];
            }
        }
        return sum;
    }

    /** Adds {@code d} to every input element of output {@code (oy, ox)}'s window. */
    private static void spread(PoolGeometry g, float[] dx, int plane, int oy, int ox, float d) {
        int top = oy * g.strideH() - g.padH();
        int left = ox * g.strideW() - g.padW();
        for (int r = Math.max(top, 0); r < Math.min(top + g.kernelH(), g.height()); r++) {
            for (int c = Math.max(left, 0); c < Math.min(left + g.kernelW(), g.width()); c++) {
                dx[plane + r * g.width() + c] += d;
            }
        }
    }
}
