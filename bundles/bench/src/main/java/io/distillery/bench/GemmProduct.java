package io.distillery.bench;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.Buffer;
import io.distillery.api.backend.Gemm;
import io.distillery.api.tensor.SeededRandom;

/**
 * An {@code n x n} float32 matrix product {@code C = A B} straight through a backend's gemm kernel, with A and B
 * filled with standard normal values: the reference script's matrix-product peak. Closing it frees the buffers.
 */
final class GemmProduct implements AutoCloseable {
    private final Backend backend;
    private final Gemm shape;
    private final Buffer a;
    private final Buffer b;
    private final Buffer c;

    /**
     * @param backend the backend to compute on
     * @param n the matrices' size
     */
    GemmProduct(Backend backend, int n) {
        this.backend = backend;
        this.shape = Gemm.of(false, false, n, n, n, 1, 0);
        SeededRandom random = new SeededRandom(0);
        this.a = normal(backend, (int) shape.sizeA(), random);
        this.b = normal(backend, (int) shape.sizeB(), random);
        this.c = backend.allocate(shape.sizeC());
    }

    /** @return the floating-point operations of one product, {@code 2 n^3} */
    double flops() {
        return shape.flops();
    }

    /** Computes the product once. */
    void run() {
        backend.gemm(shape, a, b, c);
    }

    @Override
    public void close() {
        backend.free(a);
        backend.free(b);
        backend.free(c);
    }

    private static Buffer normal(Backend backend, int length, SeededRandom random) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        Buffer buffer = backend.allocate(length);
        backend.upload(values, 0, buffer, 0, length);
        return buffer;
    }
}
