package io.distillery.bench;

import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Runs a measurement on a shared machine by the reference script's rules: wait for an idle machine, measure,
 * and measure again while another process disturbed the window, keeping the least disturbed attempt.
 * Multi-threaded runs slow down many times over when another process takes a core, so a disturbed figure says
 * little; one still disturbed after every retry is marked as such.
 */
final class QuietRetry {
    /** The length of one idle check. */
    static final double PROBE_SECONDS = 1.0;

    private final Clocks clocks;
    private final Disturbance rules;

    /**
     * @param clocks the clocks to read
     * @param rules when to wait and retry
     */
    QuietRetry(Clocks clocks, Disturbance rules) {
        this.clocks = clocks;
        this.rules = rules;
    }

    /**
     * @param <T> the measurement
     * @param measure takes one measurement
     * @param foreignCores the cores other processes used during a measurement
     * @return the least disturbed attempt
     */
    <T> Attempt<T> measure(Supplier<T> measure, ToDoubleFunction<T> foreignCores) {
        T best = null;
        int bestAttempt = 0;
        for (int attempt = 1; attempt <= 1 + rules.retries(); attempt++) {
            if (rules.watched()) {
                awaitQuiet();
            }
            T result = measure.get();
            if (best == null || foreignCores.applyAsDouble(result) < foreignCores.applyAsDouble(best)) {
                best = result;
                bestAttempt = attempt;
            }
            if (!rules.watched() || foreignCores.applyAsDouble(result) <= rules.maxForeign()) {
                break;
            }
        }
        boolean disturbed = rules.watched() && foreignCores.applyAsDouble(best) > rules.maxForeign();
        return new Attempt<>(best, bestAttempt, disturbed);
    }

    /**
     * Waits until the whole machine, this process included, keeps fewer than {@code maxForeign} cores busy over
     * one probe, or the quiet timeout passes; then the attempt goes ahead either way.
     */
    void awaitQuiet() {
        double start = clocks.wallSeconds();
        while (clocks.wallSeconds() - start < rules.quietTimeoutSeconds()) {
            double busy = clocks.machineBusySeconds();
            double probe = clocks.wallSeconds();
            clocks.pause(PROBE_SECONDS);
            double cores = (clocks.machineBusySeconds() - busy) / (clocks.wallSeconds() - probe);
            if (cores < rules.maxForeign()) {
                return;
            }
        }
    }

    /**
     * A kept measurement.
     *
     * @param <T> the measurement
     * @param value the measurement
     * @param number which attempt it was, from 1
     * @param disturbed whether other processes still used more than allowed during it
     */
    record Attempt<T>(T value, int number, boolean disturbed) {
    }
}
