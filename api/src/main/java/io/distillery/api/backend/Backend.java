package io.distillery.api.backend;

import io.distillery.api.tensor.Activation;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The hardware SPI: float32 kernels over buffers this backend owns.
 *
 * <p>The kernel set is fixed and small; the engine builds every tensor operation, autograd and training
 * from it, so a new backend needs no engine change. All data is row-major and contiguous, and every length the
 * engine passes is below 2<sup>31</sup>. Index arguments (gather, scatter) hold integer values stored as floats. Shapes passed to
 * element-wise kernels have equal rank; an operand axis is either the output's size or 1 (broadcast).
 * Reductions, softmax and gathers see their input as {@code [outer, n, inner]} and work along the middle
 * axis. Unless a kernel says otherwise, outputs are overwritten, and an output may be the same buffer as an
 * input of the same shape (in place) but must not otherwise overlap one.
 *
 * <p>The fused kernels at the end have default implementations composed from the primitive kernels: they
 * are the reference the conformance suite checks a backend's own, faster versions against. Override them
 * where one pass through memory beats several.
 *
 * <p>Register an implementation as a service with {@value #NAME} (a short id such as {@code jvm}),
 * {@value #DESCRIPTION} and {@code service.ranking}; the engine uses the highest-ranked one and moves to
 * another when rankings change. Kernels may be called from several threads at once on distinct buffers.
 * Implemented by backend bundles.
 */
@ConsumerType
public interface Backend {

    /** Service property: the backend's short name, e.g. {@code jvm}, {@code nd4j}. */
    String NAME = "backend.name";

    /** Service property: a one-line description for listings. */
    String DESCRIPTION = "backend.description";

    /**
     * Configuration property of a backend component, whose configuration PID is {@code io.distillery.backend.<name>}:
     * the number of threads a kernel call may use, 0 for one per core. Backends apply a change without leaving the
     * service registry, so a run can change it between steps.
     */
    String THREADS = "threads";

    /** @return this backend's short name, equal to its {@value #NAME} service property */
    String name();

    // ---- threads

    /**
     * Runs a task beside the calling thread, on a thread of this backend's own, so that independent work (a
     * frozen teacher's forward pass over the next batch) overlaps the caller's. While the task runs, this backend's
     * kernels leave its thread to it, so that the task and the caller together use no more threads than the
     * backend is configured for. The engine calls this through {@code Tensors.aside}; a backend needs no thread of
     * its own to be correct.
     *
     * <p>The default runs the task on the calling thread before returning.
     *
     * @param task the work
     * @param <T> its result's type
     * @return its outcome; where the task has not started yet, {@link Future#get()} runs it on the waiting thread
     */
    default <T> Future<T> aside(Callable<T> task) {
        FutureTask<T> run = new FutureTask<>(task);
        run.run();
        return run;
    }

    // ---- memory

    /**
     * @param length the number of float32 elements
     * @return a new zero-filled buffer
     * @throws OutOfMemoryError if the device cannot hold it
     */
    Buffer allocate(long length);

    /**
     * Releases a buffer; it must not be used afterwards. Freeing is explicit: a backend holding native memory
     * must not wait for the garbage collector.
     *
     * @param buffer a buffer of this backend
     */
    void free(Buffer buffer);

    /**
     * Copies host values into a buffer.
     *
     * @param src the host values
     * @param srcOffset the first value to copy
     * @param dst the buffer
     * @param dstOffset where in the buffer the first value goes
     * @param length the number of values
     */
    void upload(float[] src, int srcOffset, Buffer dst, long dstOffset, int length);

    /**
     * Copies buffer values to the host.
     *
     * @param src the buffer
     * @param srcOffset the first element to copy
     * @param dst the host array
     * @param dstOffset where in the array the first element goes
     * @param length the number of elements
     */
    void download(Buffer src, long srcOffset, float[] dst, int dstOffset, int length);

    /**
     * @param dst the buffer
     * @param offset the first element to set
     * @param length the number of elements
     * @param value the value
     */
    void fill(Buffer dst, long offset, long length, float value);

    /**
     * Copies a strided view: for every index tuple {@code i} over {@code shape},
     * {@code dst[dstOffset + sum(i[d] * dstStrides[d])] = src[srcOffset + sum(i[d] * srcStrides[d])]}.
     * Transposes, slices, concatenation and broadcasting expansion are all this kernel; a source stride may
     * be 0, and strides may be negative (a reversal). The destination elements written must be distinct and must
     * not overlap the source.
     *
     * @param src the source buffer
     * @param srcOffset the source element of index tuple 0
     * @param srcStrides the source step per axis, in elements
     * @param dst the destination buffer
     * @param dstOffset the destination element of index tuple 0
     * @param dstStrides the destination step per axis, in elements
     * @param shape the sizes of the index space
     */
    void copy(Buffer src, long srcOffset, long[] srcStrides, Buffer dst, long dstOffset, long[] dstStrides, int[] shape);

    // ---- arithmetic

    /**
     * General matrix product, see {@link Gemm}.
     *
     * @param gemm the product's shape and factors
     * @param a the left matrices
     * @param b the right matrices
     * @param c the output, read first when {@code beta != 0}
     */
    void gemm(Gemm gemm, Buffer a, Buffer b, Buffer c);

    /**
     * Applies an element-wise function; {@code x} and {@code y} may be the same buffer.
     *
     * @param op the function
     * @param p its first parameter, where it has one
     * @param q its second parameter, where it has one
     * @param x the input
     * @param y the output
     * @param length the number of elements
     */
    void unary(UnaryOp op, float p, float q, Buffer x, Buffer y, long length);

    /**
     * Combines two tensors element-wise with broadcasting.
     *
     * @param op the operation
     * @param a the left operand
     * @param aShape its shape, of the output's rank
     * @param b the right operand
     * @param bShape its shape, of the output's rank
     * @param out the output
     * @param outShape its shape
     */
    void binary(BinaryOp op, Buffer a, int[] aShape, Buffer b, int[] bShape, Buffer out, int[] outShape);

    /**
     * Chooses element-wise: {@code out = cond != 0 ? a : b}, broadcasting all three.
     *
     * @param cond the condition
     * @param condShape its shape, of the output's rank
     * @param a values where the condition holds
     * @param aShape their shape, of the output's rank
     * @param b values where it does not
     * @param bShape their shape, of the output's rank
     * @param out the output
     * @param outShape its shape
     */
    void select(Buffer cond, int[] condShape, Buffer a, int[] aShape, Buffer b, int[] bShape, Buffer out, int[] outShape);

    /**
     * Reduces the middle axis of {@code [outer, n, inner]} into {@code [outer, inner]}.
     *
     * @param op the reduction
     * @param x the input
     * @param outer the product of the axes before the reduced one
     * @param n the reduced axis' size, at least 1
     * @param inner the product of the axes after it
     * @param y the output
     */
    void reduce(ReduceOp op, Buffer x, int outer, int n, int inner, Buffer y);

    /**
     * Softmax, or its logarithm, along the middle axis of {@code [outer, n, inner]}, shifted by the maximum
     * so that large inputs do not overflow.
     *
     * @param x the input
     * @param outer the product of the axes before the normalised one
     * @param n the normalised axis' size
     * @param inner the product of the axes after it
     * @param log whether to return the logarithm
     * @param y the output
     */
    void softmax(Buffer x, int outer, int n, int inner, boolean log, Buffer y);

    /**
     * Picks along the middle axis: {@code y[o, j, i] = x[o, index[o, j, i], i]} for {@code x} of
     * {@code [outer, n, inner]} and {@code index}, {@code y} of {@code [outer, k, inner]}.
     *
     * @param x the source
     * @param outer the product of the axes before the indexed one
     * @param n the indexed axis' size
     * @param inner the product of the axes after it
     * @param index integer-valued indices in {@code [0, n)}
     * @param k the number of picks per position
     * @param y the output
     * @throws IndexOutOfBoundsException naming the first bad index
     */
    void gather(Buffer x, int outer, int n, int inner, Buffer index, int k, Buffer y);

    /**
     * The adjoint of {@link #gather}: {@code dx[o, index[o, j, i], i] += dy[o, j, i]}. Accumulates into
     * {@code dx}, which the caller zeroes first.
     *
     * @param dy the gradient of the gather's output, {@code [outer, k, inner]}
     * @param outer the product of the axes before the indexed one
     * @param n the indexed axis' size
     * @param inner the product of the axes after it
     * @param index the gather's indices
     * @param k the number of picks per position
     * @param dx the gradient of the gather's source, {@code [outer, n, inner]}
     */
    void scatterAdd(Buffer dy, int outer, int n, int inner, Buffer index, int k, Buffer dx);

    // ---- convolution and pooling

    /**
     * Convolution forward (cross-correlation, no bias).
     *
     * @param g the sizes
     * @param x the input
     * @param w the weights
     * @param y the output
     */
    void conv2d(ConvGeometry g, Buffer x, Buffer w, Buffer y);

    /**
     * Gradient of a convolution with respect to its input.
     *
     * @param g the forward sizes
     * @param dy the gradient of the output
     * @param w the weights
     * @param dx the gradient of the input
     */
    void conv2dBackwardInput(ConvGeometry g, Buffer dy, Buffer w, Buffer dx);

    /**
     * Gradient of a convolution with respect to its weights.
     *
     * @param g the forward sizes
     * @param x the forward input
     * @param dy the gradient of the output
     * @param dw the gradient of the weights
     */
    void conv2dBackwardFilter(ConvGeometry g, Buffer x, Buffer dy, Buffer dw);

    /**
     * Pooling forward.
     *
     * @param g the sizes
     * @param op the window function
     * @param x the input
     * @param y the output
     */
    void pool2d(PoolGeometry g, PoolOp op, Buffer x, Buffer y);

    /**
     * Gradient of a pooling with respect to its input.
     *
     * @param g the forward sizes
     * @param op the window function
     * @param x the forward input (max pooling finds its argmax again)
     * @param dy the gradient of the output
     * @param dx the gradient of the input
     */
    void pool2dBackward(PoolGeometry g, PoolOp op, Buffer x, Buffer dy, Buffer dx);

    // ---- fused kernels: defaults are the reference compositions

    /**
     * {@code y[o, c, i] = act(x[o, c, i] + bias[c])} in one pass: a dense or convolution layer's epilogue.
     *
     * @param x the input, {@code [outer, channels, inner]}
     * @param bias the per-channel bias, or {@code null} for none
     * @param outer the product of the axes before the channel axis
     * @param channels the channel axis' size
     * @param inner the product of the axes after it
     * @param act the activation
     * @param slope the negative slope of {@link Activation#LEAKY_RELU}
     * @param y the output; may be {@code x}
     */
    default void biasActivation(Buffer x, Buffer bias, int outer, int channels, int inner,
            Activation act, float slope, Buffer y) {
        long length = (long) outer * channels * inner;
        if (bias != null) {
            binary(BinaryOp.ADD, x, new int[] {outer, channels, inner}, bias, new int[] {1, channels, 1},
                    y, new int[] {outer, channels, inner});
        } else if (x != y) {
            unary(UnaryOp.AFFINE, 1f, 0f, x, y, length);
        }
        switch (act) {
            case IDENTITY -> { }
            case RELU -> unary(UnaryOp.RELU, 0f, 0f, y, y, length);
            case LEAKY_RELU -> unary(UnaryOp.LEAKY_RELU, slope, 0f, y, y, length);
            case SIGMOID -> unary(UnaryOp.SIGMOID, 0f, 0f, y, y, length);
            case TANH -> unary(UnaryOp.TANH, 0f, 0f, y, y, length);
        }
    }

    /**
     * The backward pass of {@link #biasActivation} in one pass: {@code dx = dy * act'(y)} from the
     * activation's output {@code y}, and, when asked, the bias gradient {@code biasGrad[c] = sum dx[o, c, i]}.
     *
     * @param act the activation
     * @param slope the negative slope of {@link Activation#LEAKY_RELU}
     * @param y the forward output
     * @param dy the gradient of the output
     * @param outer the product of the axes before the channel axis
     * @param channels the channel axis' size
     * @param inner the product of the axes after it
     * @param dx the gradient of the pre-activation; may be {@code dy}
     * @param biasGrad the bias gradient to overwrite, or {@code null} for none
     */
    default void activationBackward(Activation act, float slope, Buffer y, Buffer dy,
            int outer, int channels, int inner, Buffer dx, Buffer biasGrad) {
        long length = (long) outer * channels * inner;
        int[] flat = {(int) length};
        Buffer d = allocate(length);
        try {
            switch (act) {
                case IDENTITY -> fill(d, 0, length, 1f);
                case RELU, LEAKY_RELU -> {
                    // 1 where y > 0 (y >= 0 never mixes signs), then 1 -> 1, 0 -> slope
                    unary(UnaryOp.SIGN, 0f, 0f, y, d, length);
                    unary(UnaryOp.RELU, 0f, 0f, d, d, length);
                    if (act == Activation.LEAKY_RELU) {
                        unary(UnaryOp.AFFINE, 1f - slope, slope, d, d, length);
                    }
                }
                case SIGMOID -> {
                    unary(UnaryOp.AFFINE, -1f, 1f, y, d, length);
                    binary(BinaryOp.MUL, d, flat, y, flat, d, flat);
                }
                case TANH -> {
                    binary(BinaryOp.MUL, y, flat, y, flat, d, flat);
                    unary(UnaryOp.AFFINE, -1f, 1f, d, d, length);
                }
            }
            binary(BinaryOp.MUL, dy, flat, d, flat, dx, flat);
        } finally {
            free(d);
        }
        if (biasGrad != null && length == 0) {
            fill(biasGrad, 0, channels, 0f);
        } else if (biasGrad != null) {
            Buffer perChannel = allocate((long) outer * channels);
            try {
                reduce(ReduceOp.SUM, dx, outer * channels, inner, 1, perChannel);
                reduce(ReduceOp.SUM, perChannel, 1, outer, channels, biasGrad);
            } finally {
                free(perChannel);
            }
        }
    }

    /**
     * One step of stochastic gradient descent with momentum, in place:
     * {@code g = grad + weightDecay * param}; {@code v = momentum * v + g};
     * {@code param -= lr * (nesterov ? g + momentum * v : v)}. With momentum 0, {@code v} is unused and
     * {@code param -= lr * g}.
     *
     * @param param the parameter
     * @param grad its gradient
     * @param velocity the momentum buffer, or {@code null} when momentum is 0
     * @param length the number of elements
     * @param lr the learning rate
     * @param momentum the momentum coefficient
     * @param weightDecay the L2 coefficient
     * @param nesterov whether to use Nesterov's look-ahead
     */
    default void sgdUpdate(Buffer param, Buffer grad, Buffer velocity, long length,
            float lr, float momentum, float weightDecay, boolean nesterov) {
        int[] flat = {(int) length};
        Buffer g = allocate(length);
        try {
            unary(UnaryOp.AFFINE, weightDecay, 0f, param, g, length);
            binary(BinaryOp.ADD, g, flat, grad, flat, g, flat);
            if (momentum != 0f) {
                unary(UnaryOp.AFFINE, momentum, 0f, velocity, velocity, length);
                binary(BinaryOp.ADD, velocity, flat, g, flat, velocity, flat);
                if (nesterov) {
                    Buffer t = allocate(length);
                    try {
                        unary(UnaryOp.AFFINE, momentum, 0f, velocity, t, length);
                        binary(BinaryOp.ADD, g, flat, t, flat, g, flat);
                    } finally {
                        free(t);
                    }
                } else {
                    unary(UnaryOp.AFFINE, 1f, 0f, velocity, g, length);
                }
            }
            unary(UnaryOp.AFFINE, -lr, 0f, g, g, length);
            binary(BinaryOp.ADD, param, flat, g, flat, param, flat);
        } finally {
            free(g);
        }
    }

    /**
     * One step of Adam (Kingma and Ba 2015), in place, with L2 weight decay added to the gradient or, when
     * {@code decoupled}, applied to the weights directly as AdamW does (Loshchilov and Hutter 2019):
     * {@code m = b1 m + (1-b1) g}; {@code v = b2 v + (1-b2) g^2};
     * {@code param -= lr * (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)}.
     *
     * @param param the parameter
     * @param grad its gradient
     * @param m the first-moment buffer
     * @param v the second-moment buffer
     * @param length the number of elements
     * @param lr the learning rate
     * @param beta1 the first-moment decay
     * @param beta2 the second-moment decay
     * @param eps the denominator's guard
     * @param weightDecay the decay coefficient
     * @param decoupled whether the decay is AdamW's
     * @param step the 1-based step number {@code t}
     */
    default void adamUpdate(Buffer param, Buffer grad, Buffer m, Buffer v, long length,
            float lr, float beta1, float beta2, float eps, float weightDecay, boolean decoupled, long step) {
        int[] flat = {(int) length};
        Buffer g = allocate(length);
        Buffer t = allocate(length);
        try {
            unary(UnaryOp.AFFINE, decoupled ? 0f : weightDecay, 0f, param, g, length);
            binary(BinaryOp.ADD, g, flat, grad, flat, g, flat);
            unary(UnaryOp.AFFINE, beta1, 0f, m, m, length);
            unary(UnaryOp.AFFINE, 1f - beta1, 0f, g, t, length);
            binary(BinaryOp.ADD, m, flat, t, flat, m, flat);
            binary(BinaryOp.MUL, g, flat, g, flat, t, flat);
            unary(UnaryOp.AFFINE, 1f - beta2, 0f, t, t, length);
            unary(UnaryOp.AFFINE, beta2, 0f, v, v, length);
            binary(BinaryOp.ADD, v, flat, t, flat, v, flat);
            float c1 = (float) (1 - Math.pow(beta1, step));
            float c2 = (float) (1 - Math.pow(beta2, step));
            unary(UnaryOp.AFFINE, 1f / c2, 0f, v, t, length);
            unary(UnaryOp.SQRT, 0f, 0f, t, t, length);
            unary(UnaryOp.AFFINE, 1f, eps, t, t, length);
            unary(UnaryOp.AFFINE, 1f / c1, 0f, m, g, length);
            binary(BinaryOp.DIV, g, flat, t, flat, g, flat);
            if (decoupled && weightDecay != 0f) {
                unary(UnaryOp.AFFINE, 1f - lr * weightDecay, 0f, param, param, length);
            }
            unary(UnaryOp.AFFINE, -lr, 0f, g, g, length);
            binary(BinaryOp.ADD, param, flat, g, flat, param, flat);
        } finally {
            free(t);
            free(g);
        }
    }
}
