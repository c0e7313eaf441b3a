package io.distillery.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/** Waiting for a quiet machine and retrying disturbed windows, by the reference script's rules. */
class QuietRetryTest {
    private final FakeClocks clocks = new FakeClocks(0);

    /** Measurements that report the given foreign loads in turn. */
    private static Supplier<Double> loads(Double... foreign) {
        ArrayDeque<Double> queue = new ArrayDeque<>(List.of(foreign));
        return queue::removeFirst;
    }

    private QuietRetry.Attempt<Double> measure(Disturbance rules, Double... foreign) {
        return new QuietRetry(clocks, rules).measure(loads(foreign), Double::doubleValue);
    }

    @Test
    void anUndisturbedWindowIsKeptAtOnce() {
        QuietRetry.Attempt<Double> kept = measure(Disturbance.DEFAULT, 0.1, 9.0);
        assertEquals(new QuietRetry.Attempt<>(0.1, 1, false), kept);
        assertEquals(QuietRetry.PROBE_SECONDS, clocks.now(), "one idle probe before the attempt");
    }

    @Test
    void retriesUntilAWindowIsUndisturbed() {
        assertEquals(new QuietRetry.Attempt<>(0.15, 3, false), measure(Disturbance.DEFAULT, 0.9, 0.5, 0.15, 9.0));
    }

    @Test
    void keepsTheLeastDisturbedWindowAndSaysItWasDisturbed() {
        QuietRetry.Attempt<Double> kept = measure(Disturbance.DEFAULT, 0.9, 0.5, 0.7, 0.4, 0.6, 0.0);
        assertEquals(new QuietRetry.Attempt<>(0.4, 4, true), kept, "1 + 4 retries, the sixth never runs");
    }

    @Test
    void aNegativeLimitMeasuresOnceWithoutWaiting() {
        QuietRetry.Attempt<Double> kept = measure(new Disturbance(-1, 4, 60), 3.0, 0.0);
        assertEquals(new QuietRetry.Attempt<>(3.0, 1, false), kept);
        assertEquals(0, clocks.now());
    }

    @Test
    void waitsForTheMachineToGoQuietAtMostTheTimeout() {
        clocks.load(0, 1);
        new QuietRetry(clocks, new Disturbance(0.15, 0, 5)).awaitQuiet();
        assertEquals(5, clocks.now(), "five busy probes of a second each");
    }

    @Test
    void stopsWaitingOnceAProbeIsQuiet() {
        clocks.load(0.1, 0);
        new QuietRetry(clocks, Disturbance.DEFAULT).awaitQuiet();
        assertEquals(QuietRetry.PROBE_SECONDS, clocks.now(), "0.1 busy cores are quiet enough");
    }
}
