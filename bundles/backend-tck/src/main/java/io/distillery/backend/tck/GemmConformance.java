package io.distillery.backend.tck;

import io.distillery.api.backend.Buffer;
import io.distillery.api.backend.Gemm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance of {@code gemm}: all four transpose combinations on edge-case and seeded random shapes, alpha
 * and beta, beta 0 over NaN garbage, and batches with shared (stride 0) and spaced-out matrices. Two products,
 * one wider and one taller, have over a million multiply-adds, and a single row and a single column read over
 * a megabyte of matrix: large enough for a backend to split them.
 */
public abstract class GemmConformance extends KernelTest {

    static List<Gemm> products() {
        int[][] shapes = {{1, 1, 1}, {1, 7, 5}, {7, 1, 5}, {5, 7, 1}, {3, 5, 0}, {0, 4, 3}, {4, 0, 3},
            {17, 33, 65}, {64, 64, 64}, {130, 600, 140}, {300, 97, 50}, {1, 700, 300}, {600, 1, 400}};
        float[][] factors = {{1, 0}, {-1.5f, 0.25f}, {0.5f, 1}};
        SplittableRandom random = new SplittableRandom(7);
        List<Gemm> products = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            boolean ta = (t & 1) != 0;
            boolean tb = (t & 2) != 0;
            for (int s = 0; s < shapes.length; s++) {
                float[] f = factors[s % factors.length];
                products.add(Gemm.of(ta, tb, shapes[s][0], shapes[s][1], shapes[s][2], f[0], f[1]));
            }
            for (int r = 0; r < 3; r++) {
                products.add(Gemm.of(ta, tb, random.nextInt(1, 90), random.nextInt(1, 90), random.nextInt(1, 90),
                        1, r == 0 ? 0 : 1));
            }
            int m = 6;
            int n = 9;
            int k = 5;
            products.add(new Gemm(ta, tb, m, n, k, 1, 0, 3, m * k, k * n, m * n));
            products.add(new Gemm(ta, tb, m, n, k, 1, 0.5f, 3, 0, k * n, m * n + 4));
            products.add(new Gemm(ta, tb, m, n, k, 2, 0, 4, m * k + 1, 0, m * n + 3));
            products.add(new Gemm(ta, tb, 70, 40, 90, 1, 0, 2, 0, 0, 70 * 40));
        }
        return products;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("products")
    void matchesReference(Gemm g) {
        SplittableRandom random = new SplittableRandom(g.toString().hashCode());
        float[] a = Values.uniform(random, (int) g.sizeA(), -1, 1);
        float[] b = Values.uniform(random, (int) g.sizeB(), -1, 1);
        float[] c = g.beta() == 0 ? Values.filled((int) g.sizeC(), Float.NaN) // garbage beta 0 must ignore
                : Values.uniform(random, (int) g.sizeC(), -1, 1);
        for (int e = 0; e + 1 < g.batch(); e++) {
            for (long gap = e * g.strideC() + g.m() * g.n(); gap < (e + 1) * g.strideC(); gap++) {
                c[(int) gap] = 42; // between two outputs: must stay as it is
            }
        }
        Buffer cBuffer = upload(c);
        backend().gemm(g, upload(a), upload(b), cBuffer);
        Check.close("gemm " + g, download(cBuffer), ReferenceGemm.gemm(g, a, b, c), Tolerances.sum(g.k() + 2L));
    }
}
