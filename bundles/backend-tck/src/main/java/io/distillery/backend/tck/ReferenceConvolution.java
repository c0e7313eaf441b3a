package io.distillery.backend.tck;

import io.distillery.api.backend.ConvGeometry;

/**
 * The specification of convolution: one loop nest over every (output element, kernel tap) pair that reads
 * an input element, used three ways. Forward accumulates {@code x * w} into {@code y}; backward-input
 * accumulates {@code dy * w} into {@code dx}; backward-filter accumulates {@code x * dy} into {@code dw}.
 */
final class ReferenceConvolution {
    private ReferenceConvolution() {
    }

    /** Receives one tap: the flat indices of the output, input and weight elements it connects. */
    private interface Tap {
        void run(int y, int x, int w);
    }

    private static void taps(ConvGeometry g, Tap tap) {
        int inGroup = g.inChannels() / g.groups();
        int outGroup = g.outChannels() / g.groups();
        for (int b = 0; b < g.batch(); b++) {
            for (int oc = 0; oc < g.outChannels(); oc++) {
                int group = oc / outGroup;
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    for (int ox = 0; ox < g.outWidth(); ox++) {
                        int y = ((b * g.outChannels() + oc) * g.outHeight() + oy) * g.outWidth() + ox;
                        for (int c = 0; c < inGroup; c++) {
                            for (int ky = 0; ky < g.kernelH(); ky++) {
                                for (int kx = 0; kx < g.kernelW(); kx++) {
                                    int iy = oy * g.strideH() - g.padH() + ky * g.dilationH();
                                    int ix = ox * g.strideW() - g.padW() + kx * g.dilationW();
                                    if (iy < 0 || iy >= g.height() || ix < 0 || ix >= g.width()) {
                                        continue; // padding reads zero
                                    }
                                    int ic = group * inGroup + c;
                                    int x = ((b * g.inChannels() + ic) * g.height() + iy) * g.width() + ix;
                                    int w = ((oc * inGroup + c) * g.kernelH() + ky) * g.kernelW() + kx;
                                    tap.run(y, x, w);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static Expected forward(ConvGeometry g, float[] x, float[] w) {
        Expected y = zeros(g.outputSize());
        taps(g, (yi, xi, wi) -> add(y, yi, (double) x[xi] * w[wi]));
        return y;
    }

    static Expected backwardInput(ConvGeometry g, float[] dy, float[] w) {
        Expected dx = zeros(g.inputSize());
        taps(g, (yi, xi, wi) -> add(dx, xi, (double) dy[yi] * w[wi]));
        return dx;
    }

    static Expected backwardFilter(ConvGeometry g, float[] x, float[] dy) {
        Expected dw = zeros(g.weightSize());
        taps(g, (yi, xi, wi) -> add(dw, wi, (double) x[xi] * dy[yi]));
        return dw;
    }

    private static Expected zeros(long length) {
        return new Expected(new double[(int) length], new double[(int) length]);
    }

    private static void add(Expected sum, int at, double term) {
        sum.value()[at] += term;
        sum.scale()[at] += Math.abs(term);
    }
}
