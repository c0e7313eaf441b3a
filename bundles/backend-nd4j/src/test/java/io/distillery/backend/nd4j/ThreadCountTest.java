package io.distillery.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.Buffer;
import io.distillery.api.backend.ConvGeometry;
import io.distillery.api.tensor.Activation;

import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sums that the workers share out (filter and bias gradients) come out bit for bit the same whatever the thread
 * count: they are split into a fixed number of partial sums, not one per thread.
 */
class ThreadCountTest {
    private static final ConvGeometry CONV = new ConvGeometry(10, 2, 64, 64, 4, 3, 3, 1, 1, 1, 1, 1, 1, 2);

    @AfterEach
    void restore() {
        Workers.threads(2);
    }

    @Test
    void theFilterGradientDoesNotDependOnTheThreadCount() {
        assertSameOnOneTwoAndThreeThreads(backend -> {
            Buffer x = random(backend, CONV.inputSize(), 1);
            Buffer dy = random(backend, CONV.outputSize(), 2);
            Buffer dw = backend.allocate(CONV.weightSize());
            backend.conv2dBackwardFilter(CONV, x, dy, dw);
            return download(backend, dw, CONV.weightSize());
        });
    }

    @Test
    void theBiasGradientDoesNotDependOnTheThreadCount() {
        int[][] layouts = {{40, 1100, 1}, {4, 6, 3000}};
        for (int[] l : layouts) {
            int size = l[0] * l[1] * l[2];
            assertSameOnOneTwoAndThreeThreads(backend -> {
                Buffer y = random(backend, size, 3);
                Buffer dy = random(backend, size, 4);
                Buffer dx = backend.allocate(size);
                Buffer db = backend.allocate(l[1]);
                backend.activationBackward(Activation.TANH, 0f, y, dy, l[0], l[1], l[2], dx, db);
                return download(backend, db, l[1]);
            });
        }
    }

    private static void assertSameOnOneTwoAndThreeThreads(Function<Backend, float[]> run) {
        float[] one = run.apply(new Nd4jBackend(1));
        assertArrayEquals(one, run.apply(new Nd4jBackend(2)));
        assertArrayEquals(one, run.apply(new Nd4jBackend(3)));
    }

    private static Buffer random(Backend backend, long length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[(int) length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        Buffer b = backend.allocate(length);
        backend.upload(values, 0, b, 0, values.length);
        return b;
    }

    private static float[] download(Backend backend, Buffer b, long length) {
        float[] values = new float[(int) length];
        backend.download(b, 0, values, 0, values.length);
        return values;
    }
}
