package io.distillery.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.Buffer;
import io.distillery.api.backend.Gemm;
import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.TensorData;
import io.distillery.api.tensor.Tensors;
import java.time.Duration;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/**
 * The nd4j backend shares large products among worker threads of its own, and those threads end when its bundle
 * stops: none is left running the code of a bundle that is gone. It lends one of them for a task the engine's
 * {@code Tensors.aside} hands it, which then runs engine code on it.
 */
class Nd4jWorkersIT {
    private static final String ND4J_BUNDLE = "io.distillery.backend.nd4j";
    private static final String WORKER_PREFIX = "distillery-nd4j-";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long the workers may take to end once the bundle stopped: well under the second after which an idle
     * worker ends by itself, so that only the bundle's stop can have ended them.
     */
    private static final Duration ENDED = Duration.ofMillis(500);
    private static final int SIZE = 512;
    /** How long a worker may take to start a task lent to it. */
    private static final Duration TASK_START = Duration.ofSeconds(1);

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ConfigurationAdmin admin;

    @InjectService(cardinality = 0, filter = "(" + Backend.NAME + "=nd4j)")
    ServiceAware<Backend> nd4j;

    @InjectService
    Tensors tensors;

    @Test
    void workersRunLargeProductsAndEndWhenTheBundleStops() throws Exception {
        Bundle bundle = Arrays.stream(context.getBundles())
                .filter(b -> ND4J_BUNDLE.equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(ND4J_BUNDLE + " is not installed"));
        Configuration configuration = admin.getConfiguration(ND4J_BUNDLE, "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("threads", 2);
        try {
            configuration.update(properties);
            Backend backend = nd4j.waitForService(TIMEOUT.toMillis());
            assertNotNull(backend, "the nd4j backend is registered");
            // Updates may still be arriving: multiply until a product ran on a worker under the new setting.
            Poll.until(TIMEOUT, "a worker thread to take part in a product", () -> {
                multiply(backend);
                return workerAlive();
            });

            bundle.stop();
            Poll.until(ENDED, "the nd4j worker threads to end", () -> !workerAlive());
            assertFalse(workerAlive());
        } finally {
            configuration.delete();
            bundle.start();
        }
    }

    @Test
    void aTaskAsideRunsOnAWorkerWithTheEnginesTensors() throws Exception {
        Configuration configuration = admin.getConfiguration(ND4J_BUNDLE, "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("threads", 2);
        try {
            configuration.update(properties);
            assertNotNull(nd4j.waitForService(TIMEOUT.toMillis()), "the nd4j backend is registered");
            Parameter w = tensors.parameter(new TensorData(Shape.of(3), new float[] {1, 2, 3}), false);
            try {
                // Updates may still be arriving: run tasks until one ran on a worker under the new setting.
                String[] ran = new String[1];
                Poll.until(TIMEOUT, "a task to run on an nd4j worker", () -> {
                    Future<String> task = tensors.aside(() -> {
                        try (Scope s = tensors.scope()) {
                            return tensors.backendName() + " " + w.mul(2).sum().item() + " "
                                    + Thread.currentThread().getName();
                        }
                    });
                    long deadline = System.nanoTime() + TASK_START.toNanos();
                    while (!task.isDone() && System.nanoTime() - deadline < 0) {
                        Thread.onSpinWait(); // awaiting would run a task that has not started on this thread
                    }
                    // a task lent to a pool that a configuration update closed meanwhile runs here, and we retry
                    ran[0] = Tensors.await(task);
                    return ran[0].contains(WORKER_PREFIX);
                });
                assertTrue(ran[0].startsWith("nd4j 12.0 " + WORKER_PREFIX), ran[0]);
            } finally {
                w.release();
            }
        } finally {
            configuration.delete();
        }
    }

    private static void multiply(Backend backend) {
        long size = (long) SIZE * SIZE;
        Buffer a = backend.allocate(size);
        Buffer b = backend.allocate(size);
        Buffer c = backend.allocate(size);
        try {
            backend.fill(a, 0, size, 0.5f);
            backend.fill(b, 0, size, 0.25f);
            backend.gemm(Gemm.of(false, false, SIZE, SIZE, SIZE, 1f, 0f), a, b, c);
        } finally {
            backend.free(a);
            backend.free(b);
            backend.free(c);
        }
    }

    private static boolean workerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith(WORKER_PREFIX));
    }
}
