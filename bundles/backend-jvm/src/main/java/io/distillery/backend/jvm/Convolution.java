package io.distillery.backend.jvm;

import io.distillery.api.backend.ConvGeometry;
import io.distillery.api.backend.Gemm;

import java.util.Arrays;

/**
 * Convolution forward and both backward passes, as im2col and the backend's gemm.
 *
 * <p>The unit of work is one image's channel group. When there are enough units they run in parallel, each
 * with a serial gemm; otherwise they run one after the other and the gemm itself is parallel. A 1x1 kernel
 * at stride 1 without padding needs no unfolding: the input already is the column matrix. The filter gradient
 * sums over the batch in a fixed number of partial sums that depends on the batch alone, so it does not
 * change with the thread count.
 */
final class Convolution {
    /** Work below this many flops is not worth a task. */
    private static final long GRAIN = 1 << 21;
    /** The most partial filter gradients summed at the end. */
    private static final int FILTER_PARTS = 4;

    /** Per thread, the largest column matrix it has needed; a plain array, so no class of ours is pinned. */
    private static final ThreadLocal<float[]> COLUMNS = new ThreadLocal<>();

    private final WorkerPool pool;
    private final JvmGemm gemm;

    Convolution(WorkerPool pool, JvmGemm gemm) {
        this.pool = pool;
        this.gemm = gemm;
    }

    void forward(ConvGeometry g, float[] x, float[] w, float[] y) {
        Sizes s = new Sizes(g);
        Gemm product = Gemm.of(false, false, s.outGroup, s.positions, s.taps, 1f, 0f);
        units(g, s, s.batchGroups(), (col, u) -> {
            int xOff = s.xOffset(u);
            float[] b = s.direct ? x : col;
            if (!s.direct) {
                Im2Col.unfold(g, x, xOff, col);
            }
            gemm.multiply(product, w, s.wOffset(u), b, s.direct ? xOff : 0, y, s.yOffset(u));
        });
    }

    void backwardInput(ConvGeometry g, float[] dy, float[] w, float[] dx) {
        Sizes s = new Sizes(g);
        Gemm product = Gemm.of(true, false, s.taps, s.positions, s.outGroup, 1f, 0f);
        units(g, s, s.batchGroups(), (col, u) -> {
            int xOff = s.xOffset(u);
            if (s.direct) {
                gemm.multiply(product, w, s.wOffset(u), dy, s.yOffset(u), dx, xOff);
            } else {
                gemm.multiply(product, w, s.wOffset(u), dy, s.yOffset(u), col, 0);
                Arrays.fill(dx, xOff, xOff + s.inGroup * g.height() * g.width(), 0f);
                Im2Col.fold(g, col, dx, xOff);
            }
        });
    }

    void backwardFilter(ConvGeometry g, float[] x, float[] dy, float[] dw) {
        Sizes s = new Sizes(g);
        int weights = Math.toIntExact(g.weightSize());
        int parts = (int) Math.min(g.batch(), Math.min(FILTER_PARTS, 2 * g.macs() / GRAIN));
        float[][] partial = new float[Math.max(parts, 1)][];
        partial[0] = dw;
        for (int p = 1; p < parts; p++) {
            partial[p] = new float[weights];
        }
        units(g, s, g.groups() * partial.length, (col, unit) -> {
            int group = unit % g.groups();
            int part = unit / g.groups();
            int first = (int) WorkerPool.start(g.batch(), partial.length, part);
            int last = (int) WorkerPool.start(g.batch(), partial.length, part + 1);
            for (int n = first; n < last; n++) {
                int u = n * g.groups() + group;
                int xOff = s.xOffset(u);
                if (!s.direct) {
                    Im2Col.unfold(g, x, xOff, col);
                }
                Gemm product = Gemm.of(false, true, s.outGroup, s.taps, s.positions, 1f, n == first ? 0f : 1f);
                gemm.multiply(product, dy, s.yOffset(u), s.direct ? x : col, s.direct ? xOff : 0,
                        partial[part], s.wOffset(u));
            }
        });
        for (int p = 1; p < partial.length; p++) {
            float[] add = partial[p];
            for (int i = 0; i < weights; i++) {
                dw[i] += add[i];
            }
        }
    }

    /**
     * @param size the elements needed
     * @return this thread's column buffer, grown to at least {@code size}: column matrices are megabytes, too
     *     many to allocate afresh for every image of every call
     */
    private static float[] columns(int size) {
        float[] col = COLUMNS.get();
        if (col == null || col.length < size) {
            col = new float[size];
            COLUMNS.set(col);
        }
        return col;
    }

    /** One unit of work, given a column buffer of its thread's own. */
    private interface Unit {
        void run(float[] col, int unit);
    }

    /** Runs units in parallel when there is enough work for several, each thread with its own column buffer. */
    private void units(ConvGeometry g, Sizes s, int units, Unit unit) {
        int tasks = WorkerPool.tasks(2 * g.macs(), GRAIN, units);
        pool.run(tasks, t -> {
            float[] col = s.direct ? null : columns(Im2Col.size(g));
            for (int u = (int) WorkerPool.start(units, tasks, t); u < WorkerPool.start(units, tasks, t + 1); u++) {
                unit.run(col, u);
            }
        });
    }

    /**
     * The sizes and offsets of one convolution; unit {@code u} is image {@code u / groups}, channel group
     * {@code u % groups}.
     */
    private static final class Sizes {
        final int groups;
        final int inGroup;
        final int outGroup;
        final int taps;
        final int positions;
        final int batch;
        final boolean direct;
        final int imageSize;

        Sizes(ConvGeometry g) {
            groups = g.groups();
            batch = g.batch();
            inGroup = g.inChannels() / groups;
            outGroup = g.outChannels() / groups;
            taps = inGroup * g.kernelH() * g.kernelW();
            positions = g.outHeight() * g.outWidth();
            imageSize = g.height() * g.width();
            direct = g.kernelH() == 1 && g.kernelW() == 1 && g.strideH() == 1 && g.strideW() == 1
                    && g.padH() == 0 && g.padW() == 0;
        }

        int batchGroups() {
            return batch * groups;
        }

        int xOffset(int u) {
            return u * inGroup * imageSize;
        }

        int yOffset(int u) {
            return u * outGroup * positions;
        }

        int wOffset(int u) {
            return u % groups * outGroup * taps;
        }
    }
}
