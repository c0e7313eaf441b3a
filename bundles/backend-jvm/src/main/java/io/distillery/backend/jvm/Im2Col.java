package io.distillery.backend.jvm;

import io.distillery.api.backend.ConvGeometry;

import java.util.Arrays;

/**
 * Unfolds one image's channel group into the column matrix a convolution multiplies by, and folds it back.
 *
 * <p>The column matrix is {@code [groupChannels * kernelH * kernelW, outHeight * outWidth]}: row
 * {@code (c, a, b)} holds, for every output position, the input element kernel tap {@code (a, b)} of channel
 * {@code c} reads there. Both directions walk the same segments, runs of one column row that read one input
 * row at the horizontal stride, so padding is handled once, by leaving segments out.
 */
final class Im2Col {
    private Im2Col() {
    }

    /** Receives a segment: {@code count} column elements from {@code col} on, input elements {@code step} apart. */
    private interface Segment {
        void run(int col, int x, int count, int step);
    }

    /**
     * @param g the convolution
     * @return the number of elements of one group's column matrix
     */
    static int size(ConvGeometry g) {
        long taps = (long) g.inChannels() / g.groups() * g.kernelH() * g.kernelW();
        return Math.toIntExact(taps * g.outHeight() * g.outWidth());
    }

    /** Fills {@code col} from the channel group of {@code x} starting at {@code xBase}. */
    static void unfold(ConvGeometry g, float[] x, int xBase, float[] col) {
        Arrays.fill(col, 0, size(g), 0f);
        segments(g, (c, xi, count, step) -> {
            if (step == 1) {
                System.arraycopy(x, xBase + xi, col, c, count);
            } else {
                for (int t = 0; t < count; t++) {
                    col[c + t] = x[xBase + xi + t * step];
                }
            }
        });
    }

    /** Adds {@code col} into the channel group of {@code dx} starting at {@code dxBase}: the adjoint of unfold. */
    static void fold(ConvGeometry g, float[] col, float[] dx, int dxBase) {
        segments(g, (c, xi, count, step) -> {
            for (int t = 0; t < count; t++) {
                dx[dxBase + xi + t * step] += col[c + t];
            }
        });
    }

    private static void segments(ConvGeometry g, Segment segment) {
        int oh = g.outHeight();
        int ow = g.outWidth();
        int h = g.height();
        int w = g.width();
        int sw = g.strideW();
        int channels = g.inChannels() / g.groups();
        for (int c = 0; c < channels; c++) {
            for (int a = 0; a < g.kernelH(); a++) {
                for (int b = 0; b < g.kernelW(); b++) {
                    int shift = b * g.dilationW() - g.padW(); // input column of output column 0
                    int lo = shift >= 0 ? 0 : (-shift + sw - 1) / sw;
                    int hi = w - 1 - shift < 0 ? 0 : Math.min(ow, (w - 1 - shift) / sw + 1);
                    int row = ((c * g.kernelH() + a) * g.kernelW() + b) * oh * ow;
                    for (int oy = 0; oy < oh && lo < hi; oy++) {
                        int iy = oy * g.strideH() - g.padH() + a * g.dilationH();
                        if (iy >= 0 && iy < h) {
                            segment.run(row + oy * ow + lo, (c * h + iy) * w + lo * sw + shift, hi - lo, sw);
                        }
                    }
                }
            }
        }
    }
}
