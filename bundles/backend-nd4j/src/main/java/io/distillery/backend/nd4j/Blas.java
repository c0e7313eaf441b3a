package io.distillery.backend.nd4j;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_saxpy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemv;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sscal;

import io.distillery.api.backend.Gemm;
import io.distillery.api.backend.UnaryOp;

import java.nio.FloatBuffer;
import java.util.Arrays;

import org.bytedeco.javacpp.FloatPointer;

/**
 * Matrix products and vector updates by the OpenBLAS that ND4J ships, called as ND4J's own CPU gemm calls it:
 * on the buffers' native memory, row-major, with no copies and no ND4J arrays in between.
 *
 * <p>A batch is one product per entry at the strided offsets, each split among the {@link Workers} when large
 * enough; OpenBLAS itself runs single-threaded. A product with an empty inner dimension is {@code C = beta C},
 * computed here: BLAS rejects a leading dimension of 0. The level-1 calls serve the optimizer step: on long
 * vectors OpenBLAS's native loops, one slice per worker, measured faster than a Java loop over chunks, even when
 * they take several passes where the Java loop takes one.
 */
final class Blas {
    /**
     * Products that cost less than this many multiply-adds run on one thread: waking a worker costs about as much.
     */
    private static final long SPLIT_MACS = 1L << 20;
    /**
     * What moving one float through memory costs, in multiply-adds: a thin product (a single example through a
     * dense layer) is bound by reading the weights, and two threads read them faster than one. One core here
     * multiplies about 20 G multiply-adds a second and streams about 2.5 G floats from memory.
     */
    private static final long MEMORY_COST = 8;
    /** Blocks of a split product start at multiples of this, so that each is whole kernel tiles. */
    private static final int ALIGN = 16;

    private Blas() {
    }

    /**
     * Computes {@code C = alpha op(A) op(B) + beta C} for every batch entry.
     *
     * @param g the shape and factors
     * @param a the left matrices, the first at {@code aOffset}
     * @param aOffset where the first A starts
     * @param b the right matrices
     * @param bOffset where the first B starts
     * @param c the output
     * @param cOffset where the first C starts
     */
    static void gemm(Gemm g, Nd4jBuffer a, long aOffset, Nd4jBuffer b, long bOffset, Nd4jBuffer c, long cOffset) {
        if (g.m() == 0 || g.n() == 0) {
            return;
        }
        for (int e = 0; e < g.batch(); e++) {
            long cAt = cOffset + e * g.strideC();
            if (g.k() == 0) {
                scale(c.floats(), cAt, g, g.beta());
                continue;
            }
            product(g, a.pointer(aOffset + e * g.strideA()), b.pointer(bOffset + e * g.strideB()), c.pointer(cAt));
        }
    }

    /**
     * One product, split among the {@link Workers} into column blocks of C (or row blocks, when C is taller than
     * wide) when it costs enough, in arithmetic or in memory traffic, to pay for waking them; each block is an
     * OpenBLAS call on one thread.
     */
    private static void product(Gemm g, FloatPointer a, FloatPointer b, FloatPointer c) {
        int m = g.m();
        int n = g.n();
        int k = g.k();
        boolean columns = n >= m;
        int size = columns ? n : m;
        long moved = (long) k * n + (long) m * k + (long) m * n;
        long cost = Math.max((long) m * n * k, MEMORY_COST * moved);
        int parts = cost < SPLIT_MACS ? 1 : Math.min(Workers.threads(), Math.max(1, size / ALIGN));
        if (parts < 2) {
            sgemm(g, m, n, a, b, c);
            return;
        }
        Workers.run(parts, (part, worker) -> {
            int from = size / ALIGN * part / parts * ALIGN;
            int to = part == parts - 1 ? size : size / ALIGN * (part + 1) / parts * ALIGN;
            if (columns) {
                sgemm(g, m, to - from, a, at(b, g.transB() ? (long) from * k : from), at(c, from));
            } else {
                sgemm(g, to - from, n, at(a, g.transA() ? from : (long) from * k), b, at(c, (long) from * n));
            }
        });
    }

    /**
     * {@code C = alpha op(A) op(B) + beta C} for an {@code m x n} block of the product {@code g}. A block of one
     * row or one column is a matrix-vector product: OpenBLAS's gemm would pack the whole matrix first, which made
     * a single example through a dense layer several times slower than its gemv.
     */
    private static void sgemm(Gemm g, int m, int n, FloatPointer a, FloatPointer b, FloatPointer c) {
        int lda = g.transA() ? g.m() : g.k();
        int ldb = g.transB() ? g.k() : g.n();
        int ldc = g.n();
        if (m == 1) { // c = op(B)^T a, a's k elements lda apart when A is transposed
            cblas_sgemv(CblasRowMajor, g.transB() ? CblasNoTrans : CblasTrans, g.transB() ? n : g.k(),
                    g.transB() ? g.k() : n, g.alpha(), b, ldb, a, g.transA() ? lda : 1, g.beta(), c, 1);
        } else if (n == 1) { // c = op(A) b, b's k elements ldb apart unless B is transposed, c's ldc apart
            cblas_sgemv(CblasRowMajor, g.transA() ? CblasTrans : CblasNoTrans, g.transA() ? g.k() : m,
                    g.transA() ? m : g.k(), g.alpha(), a, lda, b, g.transB() ? 1 : ldb, g.beta(), c, ldc);
        } else {
            cblas_sgemm(CblasRowMajor, g.transA() ? CblasTrans : CblasNoTrans,
                    g.transB() ? CblasTrans : CblasNoTrans, m, n, g.k(), g.alpha(), a, lda, b, ldb, g.beta(), c, ldc);
        }
    }

    private static FloatPointer at(FloatPointer p, long offset) {
        return new FloatPointer(p).position(p.position() + offset);
    }

    /**
     * {@code y += alpha x} over the first {@code n} elements.
     *
     * @param n the number of elements
     * @param alpha the factor
     * @param x the added vector
     * @param y the updated vector
     */
    static void axpy(int n, float alpha, Nd4jBuffer x, Nd4jBuffer y) {
        Workers.ranges(n, n, (from, to) -> cblas_saxpy(to - from, alpha, x.pointer(from), 1, y.pointer(from), 1));
    }

    /**
     * {@code x *= alpha} over the first {@code n} elements.
     *
     * @param n the number of elements
     * @param alpha the factor
     * @param x the scaled vector
     */
    static void scal(int n, float alpha, Nd4jBuffer x) {
        Workers.ranges(n, n, (from, to) -> cblas_sscal(to - from, alpha, x.pointer(from), 1));
    }

    /** {@code C = beta C} on one {@code m x n} matrix; a beta of 0 clears NaNs too. */
    private static void scale(FloatBuffer c, long at, Gemm g, float beta) {
        int size = g.m() * g.n();
        float[] s = Scratch.get(0, size);
        if (beta == 0f) {
            Arrays.fill(s, 0, size, 0f);
        } else {
            c.get((int) at, s, 0, size);
            Functions.unary(UnaryOp.AFFINE, beta, 0f, s, s, size);
        }
        c.put((int) at, s, 0, size);
    }
}
