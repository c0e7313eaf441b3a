package io.distillery.engine.ops;

import java.util.Arrays;

import io.distillery.api.backend.Gemm;
import io.distillery.api.tensor.Shape;
import io.distillery.engine.core.EngineTensor;

/** Matrix products over the last two axes, with broadcast batch axes, as backend gemm calls. */
public final class MatMul {
    private MatMul() {
    }

    /**
     * @param a {@code [..., m, k]}, or {@code [k]} as a row vector
     * @param b {@code [..., k, n]}, or {@code [k]} as a column vector
     * @return {@code [..., m, n]}, without the vector axes
     */
    public static EngineTensor matmul(EngineTensor a, EngineTensor b) {
        if (a.rank() == 0 || b.rank() == 0) {
            throw new IllegalArgumentException("matmul: shapes " + a.shape() + " and " + b.shape() + " need at least one axis");
        }
        if (a.rank() == 1) {
            return Reshaping.squeeze(matmul(Reshaping.unsqueeze(a, 0), b), -2);
        }
        if (b.rank() == 1) {
            return Reshaping.squeeze(matmul(a, Reshaping.unsqueeze(b, -1)), -1);
        }
        int m = a.shape().dim(-2);
        int k = a.shape().dim(-1);
        int n = b.shape().dim(-1);
        if (b.shape().dim(-2) != k) {
            throw new IllegalArgumentException("matmul: shapes " + a.shape() + " and " + b.shape()
                    + " have inner sizes " + k + " and " + b.shape().dim(-2));
        }
        int[] batchA = Arrays.copyOf(a.shape().toArray(), a.rank() - 2);
        if (b.rank() == 2) {
            // one weight matrix for every row of every batch entry: a single large product
            EngineTensor rows = Reshaping.reshape(a, -1, k);
            return Reshaping.reshape(product(rows, b, 1), withMatrix(batchA, m, n));
        }
        Shape batch = Shapes.broadcast("matmul", Shape.of(batchA),
                Shape.of(Arrays.copyOf(b.shape().toArray(), b.rank() - 2)));
        EngineTensor ea = broadcastBatch(a, batch.toArray(), m, k);
        EngineTensor eb = broadcastBatch(b, batch.toArray(), k, n);
        return Reshaping.reshape(product(ea, eb, batch.size()), withMatrix(batch.toArray(), m, n));
    }

    private static EngineTensor broadcastBatch(EngineTensor x, int[] batch, int rows, int cols) {
        Shape full = Shape.of(withMatrix(batch, rows, cols));
        return x.shape().equals(full) ? x : Reshaping.expand(x, full);
    }

    private static int[] withMatrix(int[] batch, int rows, int cols) {
        int[] d = Arrays.copyOf(batch, batch.length + 2);
        d[batch.length] = rows;
        d[batch.length + 1] = cols;
        return d;
    }

    // a: batch x m x k contiguous (or m x k), b: batch x k x n (or k x n); result batch*m x n contiguous
    private static EngineTensor product(EngineTensor a, EngineTensor b, int batch) {
        int k = a.shape().dim(-1);
        int m = a.size() / (batch * k);
        int n = b.shape().dim(-1);
        EngineTensor y = a.engine().empty(Shape.of(batch * m, n));
        gemm(false, false, m, n, k, batch, a, b, y);
        return Recording.record(y, g -> new EngineTensor[] {
            a.requiresGrad() ? gradA(g, b, a.shape(), batch, m, n, k) : null,
            b.requiresGrad() ? gradB(a, g, b.shape(), batch, m, n, k) : null}, a, b);
    }

    // dA = g * B^T
    private static EngineTensor gradA(EngineTensor g, EngineTensor b, Shape shape, int batch, int m, int n, int k) {
        EngineTensor da = g.engine().empty(shape);
        gemm(false, true, m, k, n, batch, g, b, da);
        return da;
    }

    // dB = A^T * g
    private static EngineTensor gradB(EngineTensor a, EngineTensor g, Shape shape, int batch, int m, int n, int k) {
        EngineTensor db = g.engine().empty(shape);
        gemm(true, false, k, n, m, batch, a, g, db);
        return db;
    }

    private static void gemm(boolean ta, boolean tb, int m, int n, int k, int batch, EngineTensor a, EngineTensor b, EngineTensor c) {
        long sa = batch == 1 ? (long) m * k : a.size() / batch;
        long sb = batch == 1 ? (long) k * n : b.size() / batch;
        a.backend().gemm(new Gemm(ta, tb, m, n, k, 1f, 0f, batch, sa, sb, (long) m * n), a.buffer(), b.buffer(), c.buffer());
    }
}
