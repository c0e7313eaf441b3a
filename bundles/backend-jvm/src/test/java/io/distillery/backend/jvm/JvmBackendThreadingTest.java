package io.distillery.backend.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.Buffer;
import io.distillery.api.backend.ConvGeometry;
import io.distillery.api.backend.Gemm;
import io.distillery.api.backend.ReduceOp;
import io.distillery.api.tensor.Activation;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * The JVM backend's own guarantees beyond the conformance suite: results independent of the thread count, also
 * after a configuration change, concurrent callers, use after close, and clear errors for misused buffers.
 */
class JvmBackendThreadingTest {
    private static final Gemm PRODUCT = Gemm.of(true, false, 150, 700, 300, 1, 0);
    private static final ConvGeometry CONV = new ConvGeometry(8, 16, 16, 16, 16, 3, 3, 1, 1, 1, 1, 1, 1, 1);

    private static float[] random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextDouble(-1, 1);
        }
        return v;
    }

    private static Buffer upload(Backend backend, float[] values) {
        Buffer buffer = backend.allocate(values.length);
        backend.upload(values, 0, buffer, 0, values.length);
        return buffer;
    }

    private static float[] download(Backend backend, Buffer buffer) {
        float[] values = new float[(int) buffer.length()];
        backend.download(buffer, 0, values, 0, values.length);
        return values;
    }

    /** The outputs of kernels that split work, each large enough to be shared out. */
    private static List<float[]> parallelKernels(Backend b) {
        List<float[]> outputs = new ArrayList<>();
        Buffer c = b.allocate(PRODUCT.sizeC());
        b.gemm(PRODUCT, upload(b, random((int) PRODUCT.sizeA(), 1)), upload(b, random((int) PRODUCT.sizeB(), 2)), c);
        outputs.add(download(b, c));
        Buffer dw = b.allocate(CONV.weightSize());
        b.conv2dBackwardFilter(CONV, upload(b, random((int) CONV.inputSize(), 3)),
                upload(b, random((int) CONV.outputSize(), 4)), dw);
        outputs.add(download(b, dw));
        Buffer dx = b.allocate(512 * 300);
        Buffer biasGrad = b.allocate(300);
        b.activationBackward(Activation.TANH, 0, upload(b, random(512 * 300, 5)), upload(b, random(512 * 300, 6)),
                512, 300, 1, dx, biasGrad);
        outputs.add(download(b, dx));
        outputs.add(download(b, biasGrad));
        Buffer sums = b.allocate(5000);
        b.reduce(ReduceOp.SUM, upload(b, random(64 * 5000, 7)), 1, 64, 5000, sums);
        outputs.add(download(b, sums));
        return outputs;
    }

    @Test
    void givesTheSameBitsWithAnyThreadCount() {
        List<float[]> expected;
        try (JvmBackend one = new JvmBackend(1)) {
            expected = parallelKernels(one);
        }
        for (int threads : new int[] {2, 3}) {
            try (JvmBackend many = new JvmBackend(threads)) {
                List<float[]> actual = parallelKernels(many);
                for (int k = 0; k < expected.size(); k++) {
                    assertArrayEquals(expected.get(k), actual.get(k), "kernel " + k + " with " + threads + " threads");
                }
            }
        }
    }

    @Test
    void servesConcurrentCallers() throws Exception {
        try (JvmBackend shared = new JvmBackend(2); JvmBackend alone = new JvmBackend(1)) {
            List<float[]> expected = parallelKernels(alone);
            ExecutorService callers = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<float[]>>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    results.add(callers.submit(() -> parallelKernels(shared)));
                }
                for (Future<List<float[]>> result : results) {
                    List<float[]> actual = result.get();
                    for (int k = 0; k < expected.size(); k++) {
                        assertArrayEquals(expected.get(k), actual.get(k), "kernel " + k + " from a concurrent caller");
                    }
                }
            } finally {
                callers.shutdown();
            }
        }
    }

    @Test
    void aModifiedConfigurationResizesThePoolInPlace() {
        List<float[]> expected;
        try (JvmBackend one = new JvmBackend(1)) {
            expected = parallelKernels(one);
        }
        try (JvmBackend backend = new JvmBackend(1)) {
            for (int threads : new int[] {3, 2}) {
                backend.modified(config(threads));
                assertEquals("JvmBackend[threads=" + threads + "]", backend.toString());
                List<float[]> actual = parallelKernels(backend);
                for (int k = 0; k < expected.size(); k++) {
                    assertArrayEquals(expected.get(k), actual.get(k), "kernel " + k + " after resizing to " + threads);
                }
            }
            backend.modified(config(0));
            assertEquals("JvmBackend[threads=" + Runtime.getRuntime().availableProcessors() + "]", backend.toString(),
                    "0 threads means one per core");
        }
    }

    private static JvmBackend.Config config(int threads) {
        return new JvmBackend.Config() {
            @Override
            public int threads() {
                return threads;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return JvmBackend.Config.class;
            }
        };
    }

    @Test
    void keepsComputingAfterClose() {
        List<float[]> expected;
        try (JvmBackend open = new JvmBackend(2)) {
            expected = parallelKernels(open);
        }
        JvmBackend closed = new JvmBackend(2);
        closed.close();
        List<float[]> actual = parallelKernels(closed);
        for (int k = 0; k < expected.size(); k++) {
            assertArrayEquals(expected.get(k), actual.get(k), "kernel " + k + " after close");
        }
    }

    @Test
    void rejectsMisusedBuffers() {
        try (JvmBackend b = new JvmBackend(1)) {
            Buffer freed = b.allocate(4);
            b.free(freed);
            assertThrows(IllegalStateException.class, () -> b.fill(freed, 0, 4, 1), "use after free");
            assertThrows(IllegalStateException.class, () -> b.free(freed), "double free");
            Buffer foreign = () -> 4;
            assertThrows(IllegalArgumentException.class, () -> b.fill(foreign, 0, 4, 1), "a foreign buffer");
            Function<Integer, Buffer> sized = b::allocate;
            Gemm g = Gemm.of(false, false, 4, 4, 4, 1, 0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> b.gemm(g, sized.apply(16), sized.apply(15), sized.apply(16)));
            assertTrue(e.getMessage().contains("gemm B"), e.getMessage());
        }
    }
}
