package io.distillery.bench;

import java.util.Arrays;

/**
 * The repetitions of some work timed in one window: the counted FLOPs of one repetition, each repetition's
 * duration, and the CPU used during the window.
 *
 * @param flops the counted floating-point operations of one repetition
 * @param seconds each repetition's wall time, in the order they ran
 * @param usage the window's CPU use
 */
record Timing(double flops, double[] seconds, CpuMeter.Usage usage) {

    /** Copies the durations. */
    Timing {
        if (seconds.length == 0) {
            throw new IllegalArgumentException("a window needs at least one repetition");
        }
        seconds = seconds.clone();
    }

    /** @return the number of repetitions */
    int count() {
        return seconds.length;
    }

    /** @return the repetitions' summed wall time */
    double total() {
        return Arrays.stream(seconds).sum();
    }

    /** @return the median duration: the mean of the middle two for an even count */
    double median() {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** @return the shortest duration */
    double best() {
        return Arrays.stream(seconds).min().orElseThrow();
    }
}
