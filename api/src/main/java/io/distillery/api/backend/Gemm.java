package io.distillery.api.backend;

/**
 * The shape of a (batched) general matrix product {@code C = alpha * op(A) * op(B) + beta * C} on row-major
 * matrices, as in BLAS {@code sgemm}.
 *
 * <p>{@code op(A)} is {@code m x k}: A is stored {@code m x k}, or {@code k x m} when {@code transA}. {@code op(B)}
 * is {@code k x n}: B is stored {@code k x n}, or {@code n x k} when {@code transB}. C is {@code m x n}. With
 * {@code batch > 1} the product is repeated for matrices {@code strideA}, {@code strideB} and {@code strideC}
 * elements apart; a stride of 0 reuses one matrix for every batch entry. A {@code beta} of 0 ignores C's old
 * contents, NaNs included. A {@code beta} equal to a momentum coefficient lets a gradient product accumulate
 * straight into a velocity buffer.
 *
 * @param transA whether A is stored transposed
 * @param transB whether B is stored transposed
 * @param m rows of C
 * @param n columns of C
 * @param k the inner dimension
 * @param alpha the product's factor
 * @param beta C's factor
 * @param batch the number of products, at least 1
 * @param strideA elements between consecutive A matrices
 * @param strideB elements between consecutive B matrices
 * @param strideC elements between consecutive C matrices, non-zero when {@code batch > 1}
 */
public record Gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta,
        int batch, long strideA, long strideB, long strideC) {

    /** @throws IllegalArgumentException on negative sizes, a batch below 1 or overlapping outputs */
    public Gemm {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative gemm size m=" + m + " n=" + n + " k=" + k);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("gemm batch must be at least 1, got " + batch);
        }
        if (batch > 1 && strideC < (long) m * n) {
            throw new IllegalArgumentException("gemm output matrices overlap: strideC " + strideC + " < " + m + "x" + n);
        }
    }

    /**
     * A single product.
     *
     * @param transA whether A is stored transposed
     * @param transB whether B is stored transposed
     * @param m rows of C
     * @param n columns of C
     * @param k the inner dimension
     * @param alpha the product's factor
     * @param beta C's factor
     * @return the shape
     */
    public static Gemm of(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta) {
        return new Gemm(transA, transB, m, n, k, alpha, beta, 1, (long) m * k, (long) k * n, (long) m * n);
    }

    /** @return elements A must hold */
    public long sizeA() {
        return strideA * (batch - 1) + (long) m * k;
    }

    /** @return elements B must hold */
    public long sizeB() {
        return strideB * (batch - 1) + (long) k * n;
    }

    /** @return elements C must hold */
    public long sizeC() {
        return strideC * (batch - 1) + (long) m * n;
    }

    /** @return the floating-point operations this product takes, {@code 2 m n k} per batch entry */
    public double flops() {
        return 2.0 * m * n * k * batch;
    }
}
