package io.distillery.backend.jvm;

import io.distillery.api.backend.Gemm;

import java.util.Arrays;

/**
 * The general matrix product, cache-blocked, with inner loops that C2 vectorises.
 *
 * <p>C is cut into blocks of {@link #MC} rows by at most {@link #NC} columns, one unit of parallel work each,
 * so every element of C is computed by one thread in one fixed order and results do not depend on the thread
 * count.
 * Within a block, the inner dimension is walked in panels of {@link #KC}: the panel of {@code op(B)} is
 * packed into separate row arrays (applying the transpose), each row of {@code op(A)} into a small array
 * (applying the transpose and alpha), and the C row into a scratch array. The kernel then adds four scaled B
 * rows to the C row per pass. Separate arrays indexed from 0 are what lets C2 vectorise that loop: with
 * offsets into one array it cannot rule out overlap and stays scalar.
 */
final class JvmGemm {
    /** Rows of a packed B panel: a few hundred KiB of panel stay in the L2 cache. */
    static final int KC = 128;
    /** Columns of a block, and the length of the C row the kernel streams through the L1 cache. */
    static final int NC = 512;
    /** Rows of C per unit of parallel work. */
    static final int MC = 64;
    /**
     * Parallel products are cut into at least this many units, if need be by narrowing the blocks, for balance;
     * that costs no extra packing, as each element of B is packed once per row block however wide the blocks.
     */
    private static final int MIN_UNITS = 8;
    /** The narrowest block: shorter rows make the kernel's passes too short (256-wide ran 20-40% faster than 128). */
    private static final int MIN_NC = 256;
    /** Products below this many flops (about 100 microseconds) run on the calling thread. */
    private static final long GRAIN = 1 << 21;

    /** Per thread: KC panel rows, then the A row, then the C row; plain arrays so no class of ours is pinned. */
    private static final ThreadLocal<float[][]> WORKSPACE = new ThreadLocal<>();

    private final WorkerPool pool;

    JvmGemm(WorkerPool pool) {
        this.pool = pool;
    }

    /**
     * Computes the product on arrays, each operand starting at a base offset.
     *
     * @param g the shape and factors
     * @param a the left matrices
     * @param aBase where the first A matrix starts
     * @param b the right matrices
     * @param bBase where the first B matrix starts
     * @param c the output
     * @param cBase where the first C matrix starts
     */
    void multiply(Gemm g, float[] a, int aBase, float[] b, int bBase, float[] c, int cBase) {
        if (g.m() == 0 || g.n() == 0) {
            return;
        }
        long work = (long) (g.flops() + g.sizeC());
        int rowBlocks = ceilDiv(g.m(), MC);
        int colBlocks = work < 2 * GRAIN ? ceilDiv(g.n(), NC) : Math.max(ceilDiv(g.n(), NC),
                Math.min(ceilDiv(MIN_UNITS, g.batch() * rowBlocks), g.n() / MIN_NC)); // no extra packing: see MIN_UNITS
        int nc = ceilDiv(g.n(), colBlocks);
        int blocks = rowBlocks * colBlocks;
        int units = g.batch() * blocks;
        int tasks = WorkerPool.tasks(work, GRAIN, units);
        pool.run(tasks, t -> {
            float[][] workspace = workspace();
            for (int u = (int) WorkerPool.start(units, tasks, t); u < WorkerPool.start(units, tasks, t + 1); u++) {
                int e = u / blocks;
                int rb = u % blocks / colBlocks;
                int cb = u % colBlocks;
                block(g, a, aBase + Math.toIntExact(e * g.strideA()), b, bBase + Math.toIntExact(e * g.strideB()),
                        c, cBase + Math.toIntExact(e * g.strideC()),
                        rb * MC, Math.min(g.m(), rb * MC + MC), cb * nc, Math.min(g.n(), cb * nc + nc), workspace);
            }
        });
    }

    /** One block: rows {@code [i0, i1)} and columns {@code [j0, j1)} of one batch entry's C. */
    private static void block(Gemm g, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
            int i0, int i1, int j0, int j1, float[][] workspace) {
        int n = g.n();
        int nb = j1 - j0;
        for (int i = i0; i < i1; i++) {
            scale(c, cOff + i * n + j0, nb, g.beta());
        }
        if (g.alpha() == 0f) {
            return; // as in BLAS: A and B are not read, so their NaNs do not reach C
        }
        float[] aRow = workspace[KC];
        float[] cRow = workspace[KC + 1];
        for (int pc = 0; pc < g.k(); pc += KC) {
            int kb = Math.min(KC, g.k() - pc);
            packB(g, b, bOff, pc, kb, j0, nb, workspace);
            for (int i = i0; i < i1; i++) {
                packA(g, a, aOff, i, pc, kb, aRow);
                int row = cOff + i * n + j0;
                System.arraycopy(c, row, cRow, 0, nb);
                accumulate(aRow, workspace, kb, cRow, nb);
                System.arraycopy(cRow, 0, c, row, nb);
            }
        }
    }

    /** The kernel: {@code cRow += sum_p aRow[p] * panel[p]}, four panel rows per pass. */
    private static void accumulate(float[] aRow, float[][] panel, int kb, float[] cRow, int nb) {
        int p = 0;
        for (; p + 3 < kb; p += 4) {
            float a0 = aRow[p];
            float a1 = aRow[p + 1];
            float a2 = aRow[p + 2];
            float a3 = aRow[p + 3];
            float[] b0 = panel[p];
            float[] b1 = panel[p + 1];
            float[] b2 = panel[p + 2];
            float[] b3 = panel[p + 3];
            for (int j = 0; j < nb; j++) {
                cRow[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
            }
        }
        for (; p < kb; p++) {
            float a0 = aRow[p];
            float[] b0 = panel[p];
            for (int j = 0; j < nb; j++) {
                cRow[j] += a0 * b0[j];
            }
        }
    }

    /** Packs rows {@code [pc, pc + kb)}, columns {@code [j0, j0 + nb)} of {@code op(B)} into the panel. */
    private static void packB(Gemm g, float[] b, int bOff, int pc, int kb, int j0, int nb, float[][] panel) {
        if (g.transB()) {
            int k = g.k();
            for (int j = 0; j < nb; j++) {
                int from = bOff + (j0 + j) * k + pc;
                for (int p = 0; p < kb; p++) {
                    panel[p][j] = b[from + p];
                }
            }
        } else {
            for (int p = 0; p < kb; p++) {
                System.arraycopy(b, bOff + (pc + p) * g.n() + j0, panel[p], 0, nb);
            }
        }
    }

    /** Packs {@code alpha * op(A)[i, pc .. pc + kb)} into {@code aRow}. */
    private static void packA(Gemm g, float[] a, int aOff, int i, int pc, int kb, float[] aRow) {
        float alpha = g.alpha();
        if (g.transA()) {
            int m = g.m();
            for (int p = 0; p < kb; p++) {
                aRow[p] = alpha * a[aOff + (pc + p) * m + i];
            }
        } else {
            int from = aOff + i * g.k() + pc;
            for (int p = 0; p < kb; p++) {
                aRow[p] = alpha * a[from + p];
            }
        }
    }

    /** {@code c[from, from + length) *= beta}, where a beta of 0 clears NaNs too. */
    private static void scale(float[] c, int from, int length, float beta) {
        if (beta == 0f) {
            Arrays.fill(c, from, from + length, 0f);
        } else if (beta != 1f) {
            for (int j = from; j < from + length; j++) {
                c[j] *= beta;
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static float[][] workspace() {
        float[][] workspace = WORKSPACE.get();
        if (workspace == null) {
            workspace = new float[KC + 2][];
            for (int p = 0; p < KC; p++) {
                workspace[p] = new float[NC];
            }
            workspace[KC] = new float[KC];
            workspace[KC + 1] = new float[NC];
            WORKSPACE.set(workspace);
        }
        return workspace;
    }
}
