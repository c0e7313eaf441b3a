package io.distillery.backend.jvm;

import io.distillery.api.backend.PoolGeometry;
import io.distillery.api.backend.PoolOp;

import java.util.Arrays;

/**
 * Max and average pooling, forward and backward, one {@code height x width} plane per unit of work.
 *
 * <p>Windows are clipped to the input: padding never wins a maximum (it counts as minus infinity) and adds
 * nothing to an average, whose divisor stays the full window size. Max backward finds each window's first
 * maximum again, scanning rows then columns, as the forward pass did.
 */
final class Pooling {
    /** Planes are shared out once there are this many input elements to visit. */
    private static final long GRAIN = 1 << 15;

    private final WorkerPool pool;

    Pooling(WorkerPool pool) {
        this.pool = pool;
    }

    void forward(PoolGeometry g, PoolOp op, float[] x, float[] y) {
        planes(g, (in, out) -> {
            for (int oy = 0; oy < g.outHeight(); oy++) {
                for (int ox = 0; ox < g.outWidth(); ox++) {
                    Window w = new Window(g, oy, ox);
                    y[out + oy * g.outWidth() + ox] = op == PoolOp.MAX ? x[in + w.argmax(x, in)]
                            : (float) (w.sum(x, in) / (g.kernelH() * g.kernelW()));
                }
            }
        });
    }

    void backward(PoolGeometry g, PoolOp op, float[] x, float[] dy, float[] dx) {
        float area = g.kernelH() * g.kernelW();
        planes(g, (in, out) -> {
            Arrays.fill(dx, in, in + g.height() * g.width(), 0f);
            for (int oy = 0; oy < g.outHeight(); oy++) {
                for (int ox = 0; ox < g.outWidth(); ox++) {
                    Window w = new Window(g, oy, ox);
                    float d = dy[out + oy * g.outWidth() + ox];
                    if (op == PoolOp.MAX) {
                        dx[in + w.argmax(x, in)] += d;
                    } else {
                        w.add(dx, in, d / area);
                    }
                }
            }
        });
    }

    /** One plane's work, given the offsets of its input and output planes. */
    private interface Plane {
        void run(int in, int out);
    }

    private void planes(PoolGeometry g, Plane body) {
        int planes = g.batch() * g.channels();
        int inPlane = g.height() * g.width();
        int outPlane = g.outHeight() * g.outWidth();
        long visits = (long) planes * outPlane * g.kernelH() * g.kernelW();
        int tasks = WorkerPool.tasks(visits, GRAIN, planes);
        pool.run(tasks, t -> {
            for (int p = (int) WorkerPool.start(planes, tasks, t); p < WorkerPool.start(planes, tasks, t + 1); p++) {
                body.run(p * inPlane, p * outPlane);
            }
        });
    }

    /** A pooling window clipped to the input plane: rows {@code [y0, y1)}, columns {@code [x0, x1)}. */
    private static final class Window {
        final int width;
        final int y0;
        final int y1;
        final int x0;
        final int x1;

        Window(PoolGeometry g, int oy, int ox) {
            width = g.width();
            int top = oy * g.strideH() - g.padH();
            int left = ox * g.strideW() - g.padW();
            y0 = Math.max(top, 0);
            y1 = Math.min(top + g.kernelH(), g.height());
            x0 = Math.max(left, 0);
            x1 = Math.min(left + g.kernelW(), g.width());
        }

        /** @return the plane offset of the first maximum */
        int argmax(float[] x, int plane) {
            int best = y0 * width + x0;
            for (int r = y0; r < y1; r++) {
                for (int c = x0; c < x1; c++) {
                    if (x[plane + r * width + c] > x[plane + best]) {
                        best = r * width + c;
                    }
                }
            }
            return best;
        }

        double sum(float[] x, int plane) {
            double sum = 0;
            for (int r = y0; r < y1; r++) {
                for (int c = x0; c < x1; c++) {
                    sum += x[plane + r * width + c];
                }
            }
            return sum;
        }

        void add(float[] dx, int plane, float d) {
            for (int r = y0; r < y1; r++) {
                for (int c = x0; c < x1; c++) {
                    dx[plane + r * width + c] += d;
                }
            }
        }
    }
}
