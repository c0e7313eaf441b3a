package io.distillery.backend.nd4j;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_saxpy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sscal;

import io.distillery.api.backend.Gemm;
import io.distillery.api.backend.UnaryOp;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Matrix products and vector updates by the OpenBLAS that ND4J ships, called as ND4J's own CPU gemm calls it:
 * on the buffers' native memory, row-major, with no copies and no ND4J arrays in between.
 *
 * <p>A batch is one call per product at the strided offsets. A product with an empty inner dimension is
 * {@code C = beta C}, computed here: BLAS rejects a leading dimension of 0. The level-1 calls serve the optimizer
 * step: on long vectors OpenBLAS's threaded, native loops measured faster than a Java loop over chunks, even
 * when they take several passes where the Java loop takes one.
 */
final class Blas {
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
            cblas_sgemm(CblasRowMajor, g.transA() ? CblasTrans : CblasNoTrans, g.transB() ? CblasTrans : CblasNoTrans,
                    g.m(), g.n(), g.k(), g.alpha(), a.pointer(aOffset + e * g.strideA()), g.transA() ? g.m() : g.k(),
                    b.pointer(bOffset + e * g.strideB()), g.transB() ? g.k() : g.n(), g.beta(), c.pointer(cAt), g.n());
        }
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
        if (n > 0) {
            cblas_saxpy(n, alpha, x.pointer(0), 1, y.pointer(0), 1);
        }
    }

    /**
     * {@code x *= alpha} over the first {@code n} elements.
     *
     * @param n the number of elements
     * @param alpha the factor
     * @param x the scaled vector
     */
    static void scal(int n, float alpha, Nd4jBuffer x) {
        if (n > 0) {
            cblas_sscal(n, alpha, x.pointer(0), 1);
        }
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
