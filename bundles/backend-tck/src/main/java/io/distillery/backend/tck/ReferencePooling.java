package io.distillery.backend.tck;

import io.distillery.api.backend.PoolGeometry;
import io.distillery.api.backend.PoolOp;

/**
 * The specification of pooling: every window position, padding included, visited in row-major order;
 * padding never wins a maximum and adds zero to an average divided by the full window size.
 */
final class ReferencePooling {
    private ReferencePooling() {
    }

    /** Receives a window: its output element and, in scan order, the input elements inside the input. */
    private interface Window {
        void run(int y, int[] inputs, int count);
    }

    private static void windows(PoolGeometry g, Window window) {
        int[] inputs = new int[g.kernelH() * g.kernelW()];
        for (int plane = 0; plane < g.batch() * g.channels(); plane++) {
            for (int oy = 0; oy < g.outHeight(); oy++) {
                for (int ox = 0; ox < g.outWidth(); ox++) {
                    int count = 0;
                    for (int ky = 0; ky < g.kernelH(); ky++) {
                        for (int kx = 0; kx < g.kernelW(); kx++) {
                            int iy = oy * g.strideH() - g.padH() + ky;
                            int ix = ox * g.strideW() - g.padW() + kx;
                            if (iy >= 0 && iy < g.height() && ix >= 0 && ix < g.width()) {
                                inputs[count++] = (plane * g.height() + iy) * g.width() + ix;
                            }
                        }
                    }
                    window.run((plane * g.outHeight() + oy) * g.outWidth() + ox, inputs, count);
                }
            }
        }
    }

    /** @return the first maximal input of a window */
    private static int argmax(float[] x, int[] inputs, int count) {
        int best = inputs[0];
        for (int t = 1; t < count; t++) {
            if (x[inputs[t]] > x[best]) {
                best = inputs[t];
            }
        }
        return best;
    }

    static Expected forward(PoolGeometry g, PoolOp op, float[] x) {
        Expected y = new Expected(new double[(int) g.outputSize()], new double[(int) g.outputSize()]);
        double area = g.kernelH() * g.kernelW();
        windows(g, (out, inputs, count) -> {
            for (int t = 0; t < count; t++) {
                y.scale()[out] += Math.abs(x[inputs[t]]) / area;
                y.value()[out] += op == PoolOp.AVG ? x[inputs[t]] / area : 0;
            }
            if (op == PoolOp.MAX) {
                y.value()[out] = x[argmax(x, inputs, count)];
            }
        });
        return y;
    }

    static Expected backward(PoolGeometry g, PoolOp op, float[] x, float[] dy) {
        Expected dx = new Expected(new double[(int) g.inputSize()], new double[(int) g.inputSize()]);
        double area = g.kernelH() * g.kernelW();
        windows(g, (out, inputs, count) -> {
            if (op == PoolOp.MAX) {
                int best = argmax(x, inputs, count);
                dx.value()[best] += dy[out];
                dx.scale()[best] += Math.abs(dy[out]);
            } else {
                for (int t = 0; t < count; t++) {
                    dx.value()[inputs[t]] += dy[out] / area;
                    dx.scale()[inputs[t]] += Math.abs(dy[out]) / area;
                }
            }
        });
        return dx;
    }
}
