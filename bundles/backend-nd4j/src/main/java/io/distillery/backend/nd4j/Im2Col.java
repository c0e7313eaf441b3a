package io.distillery.backend.nd4j;

import io.distillery.api.backend.ConvGeometry;

/**
 * The column matrix of one image's channel group, on scratch arrays: unfolding an input into it and folding a
 * gradient back.
 *
 * <p>The matrix is {@code [groupChannels * kernelH * kernelW, outHeight * outWidth]}; row {@code (c, a, b)}
 * holds, for each output position, the input element that kernel tap {@code (a, b)} of channel {@code c}
 * reads there. Several images' matrices can sit side by side in one wider matrix, each at its own column
 * offset. Both directions walk the same runs: the output positions of one output row whose tap falls inside
 * the input, which read one input row at the horizontal stride. Padding is whatever no run covers.
 */
final class Im2Col {
    private Im2Col() {
    }

    /** One run: {@code count} matrix elements from {@code col} on, input elements {@code step} apart from {@code x}. */
    private interface Run {
        void visit(int col, int x, int count, int step);
    }

    /**
     * @param g the convolution
     * @return the rows of a column matrix
     */
    static int rows(ConvGeometry g) {
        return g.inChannels() / g.groups() * g.kernelH() * g.kernelW();
    }

    /**
     * Writes one image's column matrix into {@code col}, whose rows are {@code stride} long, from column
     * {@code offset} on. Padding elements are left as they are: the caller zeroes the matrix first.
     *
     * @param x one channel group of the image
     */
    static void unfold(ConvGeometry g, float[] x, float[] col, int stride, int offset) {
        runs(g, stride, offset, (c, xi, count, step) -> {
            if (step == 1) {
                System.arraycopy(x, xi, col, c, count);
            } else {
                for (int t = 0; t < count; t++) {
                    col[c + t] = x[xi + t * step];
                }
            }
        });
    }

    /**
     * Adds one image's column matrix, laid out as for {@link #unfold}, into the image's input gradient: the adjoint
     * of unfolding.
     *
     * @param dx one channel group of the image's input gradient
     */
    static void fold(ConvGeometry g, float[] col, int stride, int offset, float[] dx) {
        runs(g, stride, offset, (c, xi, count, step) -> {
            if (step == 1) {
                // a loop of its own: the JIT vectorises it only when the step is known to be 1
                for (int t = 0; t < count; t++) {
                    dx[xi + t] += col[c + t];
                }
            } else {
                for (int t = 0; t < count; t++) {
                    dx[xi + t * step] += col[c + t];
                }
            }
        });
    }

    private static void runs(ConvGeometry g, int stride, int offset, Run run) {
        int oh = g.outHeight();
        int ow = g.outWidth();
        int sw = g.strideW();
        for (int r = 0; r < rows(g); r++) {
            int b = r % g.kernelW();
            int a = r / g.kernelW() % g.kernelH();
            int c = r / g.kernelW() / g.kernelH();
            int shift = b * g.dilationW() - g.padW(); // the input column output column 0 reads
            int first = shift >= 0 ? 0 : (-shift + sw - 1) / sw;
            int end = g.width() - 1 - shift < 0 ? 0 : Math.min(ow, (g.width() - 1 - shift) / sw + 1);
            for (int oy = 0; oy < oh && first < end; oy++) {
                int iy = oy * g.strideH() - g.padH() + a * g.dilationH();
                if (iy >= 0 && iy < g.height()) {
                    run.visit(r * stride + offset + oy * ow + first,
                            (c * g.height() + iy) * g.width() + first * sw + shift, end - first, sw);
                }
            }
        }
    }
}
