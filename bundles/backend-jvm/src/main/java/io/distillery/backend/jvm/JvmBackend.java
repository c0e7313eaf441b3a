package io.distillery.backend.jvm;

import static io.distillery.backend.jvm.JvmBuffer.data;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.BinaryOp;
import io.distillery.api.backend.Broadcast;
import io.distillery.api.backend.Buffer;
import io.distillery.api.backend.ConvGeometry;
import io.distillery.api.backend.Gemm;
import io.distillery.api.backend.PoolGeometry;
import io.distillery.api.backend.PoolOp;
import io.distillery.api.backend.ReduceOp;
import io.distillery.api.backend.UnaryOp;
import io.distillery.api.tensor.Activation;

import java.util.Arrays;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

/**
 * The pure-Java backend: every kernel of the SPI over on-heap {@code float[]} buffers, multi-threaded.
 *
 * <p>It is the portable fallback, ranked below native backends, and the reference the others are tested
 * against. Work is shared with a pool of daemon threads, one per core unless configured otherwise (the
 * {@code threads} property), only where a kernel call is large enough to pay for it; results never depend on
 * the thread count. Configuration PID {@value #PID}: a changed {@code threads} property resizes the pool in
 * place, so the service stays registered and the engine keeps its buffers. The pool stops when the component
 * is deactivated.
 *
 * <p>Outside a framework, for tests and benchmarks: {@code try (JvmBackend jvm = new JvmBackend(2)) { ... }}.
 */
@Component(service = Backend.class, immediate = true, configurationPid = JvmBackend.PID, property = {
    Backend.NAME + "=jvm",
    "service.ranking:Integer=0",
    Backend.DESCRIPTION + "=Pure Java, multi-threaded; portable, no native code"})
public final class JvmBackend implements Backend, AutoCloseable {

    /** The configuration PID. */
    public static final String PID = "io.distillery.backend.jvm";

    /** The component's configuration. */
    public @interface Config {
        /** @return the threads a kernel call may use, the caller's included; 0 for one per core */
        int threads() default 0;
    }

    private final WorkerPool pool;
    private final JvmGemm gemm;
    private final Elementwise elementwise;
    private final StridedCopy copy;
    private final Reductions reductions;
    private final Convolution convolution;
    private final Pooling pooling;
    private final FusedActivation fusedActivation;
    private final FusedUpdates fusedUpdates;

    /**
     * Activates the component.
     *
     * @param config its configuration
     */
    @Activate
    public JvmBackend(Config config) {
        this(threads(config));
    }

    /** @param threads the threads a kernel call may use, the caller's included; at least 1 */
    public JvmBackend(int threads) {
        pool = new WorkerPool(threads);
        gemm = new JvmGemm(pool);
        elementwise = new Elementwise(pool);
        copy = new StridedCopy(pool);
        reductions = new Reductions(pool);
        convolution = new Convolution(pool, gemm);
        pooling = new Pooling(pool);
        fusedActivation = new FusedActivation(pool, elementwise);
        fusedUpdates = new FusedUpdates(pool);
    }

    /**
     * Applies a changed configuration without re-registering the service: later kernel calls use the new
     * thread count.
     *
     * @param config the new configuration
     */
    @Modified
    void modified(Config config) {
        pool.resize(threads(config));
    }

    private static int threads(Config config) {
        return config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
    }

    /** Stops the worker threads; kernels called afterwards still work, on the calling thread. */
    @Deactivate
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public String toString() {
        return "JvmBackend[threads=" + pool.threads() + "]";
    }

    @Override
    public Buffer allocate(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative buffer length " + length);
        }
        if (length > JvmBuffer.MAX_LENGTH) {
            throw new OutOfMemoryError("the jvm backend holds at most " + JvmBuffer.MAX_LENGTH
                    + " floats per buffer, asked for " + length);
        }
        return new JvmBuffer((int) length);
    }

    @Override
    public void free(Buffer buffer) {
        data(buffer);
        ((JvmBuffer) buffer).free();
    }

    @Override
    public void upload(float[] src, int srcOffset, Buffer dst, long dstOffset, int length) {
        float[] d = data(dst);
        Objects.checkFromIndexSize(dstOffset, length, d.length);
        System.arraycopy(src, srcOffset, d, (int) dstOffset, length);
    }

    @Override
    public void download(Buffer src, long srcOffset, float[] dst, int dstOffset, int length) {
        float[] s = data(src);
        Objects.checkFromIndexSize(srcOffset, length, s.length);
        System.arraycopy(s, (int) srcOffset, dst, dstOffset, length);
    }

    @Override
    public void fill(Buffer dst, long offset, long length, float value) {
        float[] d = data(dst);
        Objects.checkFromIndexSize(offset, length, d.length);
        Arrays.fill(d, (int) offset, (int) (offset + length), value);
    }

    @Override
    public void copy(Buffer src, long srcOffset, long[] srcStrides, Buffer dst, long dstOffset, long[] dstStrides,
            int[] shape) {
        copy.copy(data(src), srcOffset, srcStrides, data(dst), dstOffset, dstStrides, shape);
    }

    @Override
    public void gemm(Gemm g, Buffer a, Buffer b, Buffer c) {
        gemm.multiply(g, data(a, g.sizeA(), "gemm A"), 0, data(b, g.sizeB(), "gemm B"), 0,
                data(c, g.sizeC(), "gemm C"), 0);
    }

    @Override
    public void unary(UnaryOp op, float p, float q, Buffer x, Buffer y, long length) {
        elementwise.unary(op, p, q, data(x, length, op + " x"), data(y, length, op + " y"), (int) length);
    }

    @Override
    public void binary(BinaryOp op, Buffer a, int[] aShape, Buffer b, int[] bShape, Buffer out, int[] outShape) {
        elementwise.binary(op, data(a, Broadcast.size(aShape), op + " a"), aShape,
                data(b, Broadcast.size(bShape), op + " b"), bShape,
                data(out, Broadcast.size(outShape), op + " output"), outShape);
    }

    @Override
    public void select(Buffer cond, int[] condShape, Buffer a, int[] aShape, Buffer b, int[] bShape, Buffer out,
            int[] outShape) {
        elementwise.select(data(cond, Broadcast.size(condShape), "select condition"), condShape,
                data(a, Broadcast.size(aShape), "select a"), aShape, data(b, Broadcast.size(bShape), "select b"),
                bShape, data(out, Broadcast.size(outShape), "select output"), outShape);
    }

    @Override
    public void reduce(ReduceOp op, Buffer x, int outer, int n, int inner, Buffer y) {
        reductions.reduce(op, data(x, (long) outer * n * inner, op + " x"), outer, n, inner,
                data(y, (long) outer * inner, op + " y"));
    }

    @Override
    public void softmax(Buffer x, int outer, int n, int inner, boolean log, Buffer y) {
        long length = (long) outer * n * inner;
        reductions.softmax(data(x, length, "softmax x"), outer, n, inner, log, data(y, length, "softmax y"));
    }

    @Override
    public void gather(Buffer x, int outer, int n, int inner, Buffer index, int k, Buffer y) {
        long picks = (long) outer * k * inner;
        Indexing.gather(data(x, (long) outer * n * inner, "gather x"), outer, n, inner,
                data(index, picks, "gather index"), k, data(y, picks, "gather y"));
    }

    @Override
    public void scatterAdd(Buffer dy, int outer, int n, int inner, Buffer index, int k, Buffer dx) {
        long picks = (long) outer * k * inner;
        Indexing.scatterAdd(data(dy, picks, "scatterAdd dy"), outer, n, inner, data(index, picks, "scatterAdd index"),
                k, data(dx, (long) outer * n * inner, "scatterAdd dx"));
    }

    @Override
    public void conv2d(ConvGeometry g, Buffer x, Buffer w, Buffer y) {
        convolution.forward(g, data(x, g.inputSize(), "conv2d x"), data(w, g.weightSize(), "conv2d w"),
                data(y, g.outputSize(), "conv2d y"));
    }

    @Override
    public void conv2dBackwardInput(ConvGeometry g, Buffer dy, Buffer w, Buffer dx) {
        convolution.backwardInput(g, data(dy, g.outputSize(), "conv2d dy"), data(w, g.weightSize(), "conv2d w"),
                data(dx, g.inputSize(), "conv2d dx"));
    }

    @Override
    public void conv2dBackwardFilter(ConvGeometry g, Buffer x, Buffer dy, Buffer dw) {
        convolution.backwardFilter(g, data(x, g.inputSize(), "conv2d x"), data(dy, g.outputSize(), "conv2d dy"),
                data(dw, g.weightSize(), "conv2d dw"));
    }

    @Override
    public void pool2d(PoolGeometry g, PoolOp op, Buffer x, Buffer y) {
        pooling.forward(g, op, data(x, g.inputSize(), "pool2d x"), data(y, g.outputSize(), "pool2d y"));
    }

    @Override
    public void pool2dBackward(PoolGeometry g, PoolOp op, Buffer x, Buffer dy, Buffer dx) {
        pooling.backward(g, op, data(x, g.inputSize(), "pool2d x"), data(dy, g.outputSize(), "pool2d dy"),
                data(dx, g.inputSize(), "pool2d dx"));
    }

    @Override
    public void biasActivation(Buffer x, Buffer bias, int outer, int channels, int inner, Activation act, float slope,
            Buffer y) {
        long length = (long) outer * channels * inner;
        fusedActivation.biasActivation(data(x, length, "biasActivation x"),
                bias == null ? null : data(bias, channels, "biasActivation bias"), outer, channels, inner, act, slope,
                data(y, length, "biasActivation y"));
    }

    @Override
    public void activationBackward(Activation act, float slope, Buffer y, Buffer dy, int outer, int channels,
            int inner, Buffer dx, Buffer biasGrad) {
        long length = (long) outer * channels * inner;
        fusedActivation.activationBackward(act, slope, data(y, length, "activationBackward y"),
                data(dy, length, "activationBackward dy"), outer, channels, inner,
                data(dx, length, "activationBackward dx"),
                biasGrad == null ? null : data(biasGrad, channels, "activationBackward biasGrad"));
    }

    @Override
    public void sgdUpdate(Buffer param, Buffer grad, Buffer velocity, long length, float lr, float momentum,
            float weightDecay, boolean nesterov) {
        fusedUpdates.sgd(data(param, length, "sgdUpdate param"), data(grad, length, "sgdUpdate grad"),
                momentum == 0f ? null : data(velocity, length, "sgdUpdate velocity"), (int) length, lr, momentum,
                weightDecay, nesterov);
    }

    @Override
    public void adamUpdate(Buffer param, Buffer grad, Buffer m, Buffer v, long length, float lr, float beta1,
            float beta2, float eps, float weightDecay, boolean decoupled, long step) {
        fusedUpdates.adam(data(param, length, "adamUpdate param"), data(grad, length, "adamUpdate grad"),
                data(m, length, "adamUpdate m"), data(v, length, "adamUpdate v"), (int) length, lr, beta1, beta2, eps,
                weightDecay, decoupled, step);
    }
}
