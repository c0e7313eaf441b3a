package io.distillery.backend.tck;

import io.distillery.api.backend.Gemm;

/** The specification of {@code gemm}: the matrix product in double precision, entry by entry. */
final class ReferenceGemm {
    private ReferenceGemm() {
    }

    /**
     * @param g the product
     * @param a the A matrices
     * @param b the B matrices
     * @param c C before the call, whose elements outside the products must stay as they are
     * @return C after the call
     */
    static Expected gemm(Gemm g, float[] a, float[] b, float[] c) {
        double[] value = new double[c.length];
        double[] scale = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            value[i] = c[i];
            scale[i] = Math.abs(c[i]);
        }
        for (int e = 0; e < g.batch(); e++) {
            for (int i = 0; i < g.m(); i++) {
                for (int j = 0; j < g.n(); j++) {
                    double sum = 0;
                    double size = 0;
                    for (int p = 0; p < g.k(); p++) {
                        double term = (double) a[indexA(g, e, i, p)] * b[indexB(g, e, p, j)];
                        sum += term;
                        size += Math.abs(term);
                    }
                    int at = (int) (e * g.strideC()) + i * g.n() + j;
                    double old = g.beta() == 0 ? 0 : (double) g.beta() * c[at]; // beta 0 ignores NaN garbage
                    value[at] = g.alpha() * sum + old;
                    scale[at] = Math.abs(g.alpha()) * size + Math.abs(old);
                }
            }
        }
        return new Expected(value, scale);
    }

    private static int indexA(Gemm g, int e, int i, int p) {
        return (int) (e * g.strideA()) + (g.transA() ? p * g.m() + i : i * g.k() + p);
    }

    private static int indexB(Gemm g, int e, int p, int j) {
        return (int) (e * g.strideB()) + (g.transB() ? j * g.k() + p : p * g.n() + j);
    }
}
