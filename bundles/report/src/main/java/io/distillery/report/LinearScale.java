package io.distillery.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A linear axis from one round number to another, ticked every 1, 2 or 5 times a power of ten.
 *
 * @param low the axis' start, a multiple of the step
 * @param high the axis' end, a multiple of the step
 * @param step the distance between ticks
 * @param factor what labels multiply values by: 100 to show fractions in percent, else 1
 */
record LinearScale(double low, double high, double step, double factor) implements Scale {
    /** About how many intervals an axis is divided into. */
    private static final int INTERVALS = 5;

    /**
     * @param min the smallest value to show
     * @param max the largest value to show
     * @param factor what labels multiply values by
     * @return the axis from a round number at or below {@code min} to one at or above {@code max}
     */
    static LinearScale covering(double min, double max, double factor) {
        if (max - min <= 1e-9 * Math.max(1, Math.abs(max))) {
            // A flat series still gets an axis around it.
            double pad = min == 0 ? 1 / factor : Math.abs(min) * 0.05;
            min -= pad;
            max += pad;
        }
        double step = niceStep((max - min) / INTERVALS);
        // The tolerance keeps 1.9 / 0.05 = 37.99999999999999 from adding a tick below the data.
        return new LinearScale(Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step, step, factor);
    }

    /**
     * @param max the last epoch, at least 1
     * @return an axis from 0 to at least {@code max}, ticked at whole numbers
     */
    static LinearScale counting(double max) {
        double step = Math.max(1, niceStep(max / INTERVALS));
        return new LinearScale(0, Math.ceil(max / step) * step, step, 1);
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double normalized = raw / magnitude;
        return (normalized < 1.5 ? 1 : normalized < 3 ? 2 : normalized < 7 ? 5 : 10) * magnitude;
    }

    @Override
    public double position(double value) {
        return (value - low) / (high - low);
    }

    @Override
    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; low + i * step <= high + step * 1e-6; i++) {
            ticks.add(low + i * step);
        }
        return ticks;
    }

    @Override
    public String label(double tick) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step * factor) + 1e-9));
        // Adding 0.0 turns a negative zero, which would print as "-0", into zero.
        return String.format(Locale.ROOT, "%." + decimals + "f", tick * factor + 0.0);
    }
}
