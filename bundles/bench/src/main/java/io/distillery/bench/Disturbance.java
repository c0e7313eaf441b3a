package io.distillery.bench;

/**
 * How a measurement copes with other processes on a shared machine, with the reference script's defaults:
 * before each attempt wait (at most {@code quietTimeoutSeconds}) until the machine is idle, and retry an attempt
 * while other processes used more than {@code maxForeign} cores during it.
 *
 * @param maxForeign the cores other processes may use during a window before it is retried; negative to measure
 *        at once and never retry
 * @param retries how many times a disturbed window is measured again
 * @param quietTimeoutSeconds how long to wait for an idle machine before each attempt
 */
record Disturbance(double maxForeign, int retries, double quietTimeoutSeconds) {

    /** The reference script's defaults: 0.15 cores, 4 retries, 60 s. */
    static final Disturbance DEFAULT = new Disturbance(0.15, 4, 60);

    /** @throws IllegalArgumentException on negative retries or a negative timeout */
    Disturbance {
        if (retries < 0 || !(quietTimeoutSeconds >= 0)) {
            throw new IllegalArgumentException("retries and the quiet timeout must not be negative, got " + retries
                    + " and " + quietTimeoutSeconds + " s");
        }
    }

    /** @return whether waiting and retrying are on */
    boolean watched() {
        return maxForeign >= 0;
    }
}
