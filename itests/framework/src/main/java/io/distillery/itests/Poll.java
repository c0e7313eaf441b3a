package io.distillery.itests;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something that happens on another thread (FileInstall's watcher, the framework's events). */
final class Poll {

    /** How long the tests wait for the plugins folder to be noticed: FileInstall polls every second. */
    static final Duration PLUGIN_TIMEOUT = Duration.ofSeconds(10);

    private static final long INTERVAL_MILLIS = 50;

    private Poll() {}

    /**
     * Polls a condition until it holds, or fails the test.
     *
     * @param timeout how long to wait at most
     * @param what what is awaited, for the failure message ("fixture.jar to be installed")
     * @param condition the condition
     * @throws InterruptedException when the test is interrupted
     */
    static void until(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("waited " + timeout.toMillis() + " ms for " + what + ", in vain");
            }
            Thread.sleep(INTERVAL_MILLIS);
        }
    }
}
