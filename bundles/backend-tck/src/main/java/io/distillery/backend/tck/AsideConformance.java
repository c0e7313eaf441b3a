package io.distillery.backend.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.distillery.api.backend.Buffer;
import io.distillery.api.backend.Gemm;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Conformance of {@code aside}: a task runs once and hands back its result or its failure, and kernels called
 * from it are right while the caller runs its own at the same time.
 */
public abstract class AsideConformance extends KernelTest {
    /** Over a million multiply-adds: a backend that shares products among threads splits it. */
    private static final Gemm PRODUCT = Gemm.of(false, true, 64, 400, 100, 1, 0);

    @Test
    void aTaskRunsOnceAndHandsBackItsResult() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Future<String> result = backend().aside(() -> {
            runs.incrementAndGet();
            return "done";
        });
        assertEquals("done", result.get(30, TimeUnit.SECONDS));
        assertEquals("done", result.get(30, TimeUnit.SECONDS));
        assertEquals(1, runs.get());
    }

    @Test
    void aFailingTaskHandsBackItsFailure() {
        Future<Object> result = backend().aside(() -> {
            throw new IllegalStateException("failed aside");
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> result.get(30, TimeUnit.SECONDS));
        assertEquals("failed aside", e.getCause().getMessage());
    }

    @Test
    void kernelsOfATaskAndOfTheCallerRunAtTheSameTime() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        float[] a = Values.uniform(random, (int) PRODUCT.sizeA(), -1, 1);
        float[] b = Values.uniform(random, (int) PRODUCT.sizeB(), -1, 1);
        Expected expected = ReferenceGemm.gemm(PRODUCT, a, b, new float[(int) PRODUCT.sizeC()]);
        Buffer aBuffer = upload(a);
        Buffer bBuffer = upload(b);
        Buffer besideC = allocate(PRODUCT.sizeC());
        Buffer callerC = allocate(PRODUCT.sizeC());
        Future<float[]> beside = backend().aside(() -> {
            for (int i = 0; i < 20; i++) {
                backend().gemm(PRODUCT, aBuffer, bBuffer, besideC);
            }
            return download(besideC);
        });
        for (int i = 0; i < 20; i++) {
            backend().gemm(PRODUCT, aBuffer, bBuffer, callerC);
        }
        Check.close("gemm " + PRODUCT + " aside", beside.get(30, TimeUnit.SECONDS), expected,
                Tolerances.sum(PRODUCT.k() + 2L));
        Check.close("gemm " + PRODUCT + " beside a task", download(callerC), expected, Tolerances.sum(PRODUCT.k() + 2L));
    }
}
