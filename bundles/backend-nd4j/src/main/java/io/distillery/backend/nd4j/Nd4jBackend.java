package io.distillery.backend.nd4j;

import static io.distillery.backend.nd4j.Nd4jBuffer.floats;

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

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

/**
 * The ND4J backend: every kernel of the SPI over buffers in native memory, matrix products by ND4J's OpenBLAS.
 *
 * <p>Ranked above the JVM backend, so the engine prefers it wherever its bundle runs. ND4J is used only where it
 * is fast: gemm, convolutions through gemm and the SGD step's vector updates run in OpenBLAS on the buffers'
 * memory; element-wise kernels, reductions, softmax and the other fused kernels are plain Java loops over chunks
 * of the same memory (see {@link Scratch}). Large products and kernels are shared out among the backend's own
 * {@link Workers}, OpenBLAS running single-threaded on each; a task run {@link #aside} borrows one of them. ND4J
 * itself lives in the {@code io.distillery.nd4j.runtime} bundle, which is never updated in place; this component
 * can come and go freely.
 *
 * <p>Configuration (PID {@code io.distillery.backend.nd4j}): {@code threads}, the threads its kernels may use,
 * 0 for one per core; it can be changed while the backend runs, without re-registering it.
 *
 * <p>Outside a framework, for tests and benchmarks: {@code Backend nd4j = new Nd4jBackend(2);}
 */
@Component(service = Backend.class, immediate = true, configurationPid = "io.distillery.backend.nd4j",
    property = {
        Backend.NAME + "=nd4j",
        "service.ranking:Integer=100",
        Backend.DESCRIPTION + "=ND4J native CPU: OpenBLAS products, Java kernels over native memory"})
public final class Nd4jBackend implements Backend {

    /** The component's configuration. */
    public @interface Config {
        /** @return the threads the backend's kernels may use, the calling thread included; 0 for one per core */
        int threads() default 0;
    }

    /**
     * Activates the component: prepares ND4J's runtime, which starts with the first buffer, and sets its threads.
     *
     * @param config its configuration
     */
    @Activate
    public Nd4jBackend(Config config) {
        this(threads(config));
    }

    /** @param threads the threads the backend's kernels may use; at least 1 */
    public Nd4jBackend(int threads) {
        Nd4jRuntime.prepare();
        configure(threads);
    }

    /**
     * Applies a changed configuration while the backend stays registered.
     *
     * @param config the new configuration
     */
    @Modified
    void modified(Config config) {
        configure(threads(config));
    }

    /** Deactivates the component: its worker threads end, so none runs this bundle's code after it stops. */
    @Deactivate
    void deactivate() {
        Workers.stop();
    }

    private static int threads(Config config) {
        return config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
    }

    private static void configure(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("the nd4j backend needs at least 1 thread, got " + threads);
        }
        Workers.threads(threads);
    }

    @Override
    public String name() {
        return "nd4j";
    }

    @Override
    public <T> Future<T> aside(Callable<T> task) {
        return Workers.aside(task);
    }

    @Override
    public Buffer allocate(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative buffer length " + length);
        }
        if (length > Nd4jBuffer.MAX_LENGTH) {
            throw new OutOfMemoryError("the nd4j backend holds at most " + Nd4jBuffer.MAX_LENGTH
                    + " floats per buffer, asked for " + length);
        }
        return new Nd4jBuffer((int) length);
    }

    @Override
    public void free(Buffer buffer) {
        Nd4jBuffer.of(buffer).free();
    }

    @Override
    public void upload(float[] src, int srcOffset, Buffer dst, long dstOffset, int length) {
        floats(dst, dstOffset + length, "upload destination").put((int) dstOffset, src, srcOffset, length);
    }

    @Override
    public void download(Buffer src, long srcOffset, float[] dst, int dstOffset, int length) {
        floats(src, srcOffset + length, "download source").get((int) srcOffset, dst, dstOffset, length);
    }

    @Override
    public void fill(Buffer dst, long offset, long length, float value) {
        FloatBuffer d = floats(dst, offset + length, "fill");
        float[] s = Scratch.chunk(0);
        Arrays.fill(s, value);
        for (long from = 0; from < length; from += Scratch.CHUNK) {
            d.put((int) (offset + from), s, 0, (int) Math.min(Scratch.CHUNK, length - from));
        }
    }

    @Override
    public void copy(Buffer src, long srcOffset, long[] srcStrides, Buffer dst, long dstOffset, long[] dstStrides,
            int[] shape) {
        StridedCopy.copy(floats(src, 0, "copy source"), srcOffset, srcStrides, floats(dst, 0, "copy destination"),
                dstOffset, dstStrides, shape);
    }

    @Override
    public void gemm(Gemm g, Buffer a, Buffer b, Buffer c) {
        Blas.gemm(g, Nd4jBuffer.of(a, g.sizeA(), "gemm A"), 0, Nd4jBuffer.of(b, g.sizeB(), "gemm B"), 0,
                Nd4jBuffer.of(c, g.sizeC(), "gemm C"), 0);
    }

    @Override
    public void unary(UnaryOp op, float p, float q, Buffer x, Buffer y, long length) {
        Elementwise.unary(op, p, q, floats(x, length, op + " x"), floats(y, length, op + " y"), (int) length);
    }

    @Override
    public void binary(BinaryOp op, Buffer a, int[] aShape, Buffer b, int[] bShape, Buffer out, int[] outShape) {
        Elementwise.binary(op, floats(a, Broadcast.size(aShape), op + " a"), aShape,
                floats(b, Broadcast.size(bShape), op + " b"), bShape,
                floats(out, Broadcast.size(outShape), op + " output"), outShape);
    }

    @Override
    public void select(Buffer cond, int[] condShape, Buffer a, int[] aShape, Buffer b, int[] bShape, Buffer out,
            int[] outShape) {
        Elementwise.select(floats(cond, Broadcast.size(condShape), "select condition"), condShape,
                floats(a, Broadcast.size(aShape), "select a"), aShape,
                floats(b, Broadcast.size(bShape), "select b"), bShape,
                floats(out, Broadcast.size(outShape), "select output"), outShape);
    }

    @Override
    public void reduce(ReduceOp op, Buffer x, int outer, int n, int inner, Buffer y) {
        Reductions.reduce(op, floats(x, (long) outer * n * inner, op + " x"), outer, n, inner,
                floats(y, (long) outer * inner, op + " y"));
    }

    @Override
    public void softmax(Buffer x, int outer, int n, int inner, boolean log, Buffer y) {
        long length = (long) outer * n * inner;
        Softmax.softmax(floats(x, length, "softmax x"), outer, n, inner, log, floats(y, length, "softmax y"));
    }

    @Override
    public void gather(Buffer x, int outer, int n, int inner, Buffer index, int k, Buffer y) {
        long picks = (long) outer * k * inner;
        Indexing.gather(floats(x, (long) outer * n * inner, "gather x"), outer, n, inner,
                floats(index, picks, "gather index"), k, floats(y, picks, "gather y"));
    }

    @Override
    public void scatterAdd(Buffer dy, int outer, int n, int inner, Buffer index, int k, Buffer dx) {
        long picks = (long) outer * k * inner;
        Indexing.scatterAdd(floats(dy, picks, "scatterAdd dy"), outer, n, inner, floats(index, picks,
                "scatterAdd index"), k, floats(dx, (long) outer * n * inner, "scatterAdd dx"));
    }

    @Override
    public void conv2d(ConvGeometry g, Buffer x, Buffer w, Buffer y) {
        Convolution.forward(g, Nd4jBuffer.of(x, g.inputSize(), "conv2d x"), Nd4jBuffer.of(w, g.weightSize(),
                "conv2d w"), Nd4jBuffer.of(y, g.outputSize(), "conv2d y"));
    }

    @Override
    public void conv2dBackwardInput(ConvGeometry g, Buffer dy, Buffer w, Buffer dx) {
        Convolution.backwardInput(g, Nd4jBuffer.of(dy, g.outputSize(), "conv2d dy"),
                Nd4jBuffer.of(w, g.weightSize(), "conv2d w"), Nd4jBuffer.of(dx, g.inputSize(), "conv2d dx"));
    }

    @Override
    public void conv2dBackwardFilter(ConvGeometry g, Buffer x, Buffer dy, Buffer dw) {
        Convolution.backwardFilter(g, Nd4jBuffer.of(x, g.inputSize(), "conv2d x"),
                Nd4jBuffer.of(dy, g.outputSize(), "conv2d dy"), Nd4jBuffer.of(dw, g.weightSize(), "conv2d dw"));
    }

    @Override
    public void pool2d(PoolGeometry g, PoolOp op, Buffer x, Buffer y) {
        Pooling.forward(g, op, floats(x, g.inputSize(), "pool2d x"), floats(y, g.outputSize(), "pool2d y"));
    }

    @Override
    public void pool2dBackward(PoolGeometry g, PoolOp op, Buffer x, Buffer dy, Buffer dx) {
        Pooling.backward(g, op, floats(x, g.inputSize(), "pool2d x"), floats(dy, g.outputSize(), "pool2d dy"),
                floats(dx, g.inputSize(), "pool2d dx"));
    }

    @Override
    public void biasActivation(Buffer x, Buffer bias, int outer, int channels, int inner, Activation act, float slope,
            Buffer y) {
        long length = (long) outer * channels * inner;
        FusedActivation.biasActivation(floats(x, length, "biasActivation x"),
                bias == null ? null : floats(bias, channels, "biasActivation bias"), outer, channels, inner, act,
                slope, floats(y, length, "biasActivation y"));
    }

    @Override
    public void activationBackward(Activation act, float slope, Buffer y, Buffer dy, int outer, int channels,
            int inner, Buffer dx, Buffer biasGrad) {
        long length = (long) outer * channels * inner;
        FusedActivation.activationBackward(act, slope, floats(y, length, "activationBackward y"),
                floats(dy, length, "activationBackward dy"), outer, channels, inner,
                floats(dx, length, "activationBackward dx"),
                biasGrad == null ? null : floats(biasGrad, channels, "activationBackward biasGrad"));
    }

    @Override
    public void sgdUpdate(Buffer param, Buffer grad, Buffer velocity, long length, float lr, float momentum,
            float weightDecay, boolean nesterov) {
        FusedUpdates.sgd(Nd4jBuffer.of(param, length, "sgdUpdate param"),
                Nd4jBuffer.of(grad, length, "sgdUpdate grad"),
                momentum == 0f ? null : Nd4jBuffer.of(velocity, length, "sgdUpdate velocity"), (int) length, lr,
                momentum, weightDecay, nesterov);
    }

    @Override
    public void adamUpdate(Buffer param, Buffer grad, Buffer m, Buffer v, long length, float lr, float beta1,
            float beta2, float eps, float weightDecay, boolean decoupled, long step) {
        FusedUpdates.adam(floats(param, length, "adamUpdate param"), floats(grad, length, "adamUpdate grad"),
                floats(m, length, "adamUpdate m"), floats(v, length, "adamUpdate v"), (int) length, lr, beta1, beta2,
                eps, weightDecay, decoupled, step);
    }
}
